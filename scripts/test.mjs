#!/usr/bin/env node
/**
 * `pnpm test`: every check of the repository, with turbo. The docs site's browser test drives Chromium, so
 * Chromium is found first (CHROMIUM_PATH, or `chromium` on the PATH) and, when missing on Debian or Ubuntu,
 * installed with apt-get: directly as root, through sudo otherwise. Where neither works, one line says
 * what to do and nothing runs. Turbo's exit code is this command's.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Most tasks start workers of their own (vitest, verification, Chromium): one task more than there are
// cores keeps the CPU busy without thrashing it (two cores: 122–134 s cold against 152–164 s with turbo's
// default of ten at once; see BENCHMARKS.md). `--concurrency` on the command line wins.
const extraArgs = process.argv.slice(2);
const concurrency = extraArgs.some((arg) => arg.startsWith('--concurrency'))
  ? []
  : [`--concurrency=${availableParallelism() + 1}`];
const turboArgs = ['run', 'lint', 'typecheck', 'test', '//#lint:biome', ...concurrency, ...extraArgs];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of these commands on the PATH. */
function onPath(...names) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of names) if (executable(join(dir, name))) return join(dir, name);
  return undefined;
}

function fail(message) {
  console.error(`pnpm test: ${message}`);
  process.exit(1);
}

function findChromium() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read before turbo runs; the docs test passes it through.
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!executable(configured)) fail(`CHROMIUM_PATH is ${configured}, which is not an executable file`);
    return configured;
  }
  return onPath('chromium', 'chromium-browser');
}

function installChromium() {
  const howTo = 'install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH';
  if (!onPath('apt-get'))
    fail(`the docs site's browser test needs Chromium and there is no apt-get here: ${howTo}`);
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? undefined : onPath('sudo');
  if (!asRoot && !sudo)
    fail(`the docs site's browser test needs Chromium, and installing it needs root or sudo: ${howTo}`);
  console.error(
    `pnpm test: installing Debian's chromium for the docs site's browser test (apt-get${sudo ? ' through sudo' : ''})`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const command = sudo ? [sudo, 'apt-get', ...args] : ['apt-get', ...args];
    const result = spawnSync(command[0], command.slice(1), { stdio: ['inherit', 'ignore', 'inherit'], env });
    if (result.status !== 0)
      fail(`\`${command.join(' ')}\` failed (exit ${result.status ?? result.signal}): ${howTo}`);
  }
  return findChromium() ?? fail(`apt-get installed chromium, but it is not on the PATH: ${howTo}`);
}

const chromium = findChromium() ?? installChromium();
const turbo = join(root, 'node_modules', '.bin', 'turbo');
const result = spawnSync(turbo, turboArgs, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
if (result.error) fail(`cannot run turbo (${result.error.message}); run \`pnpm install\` first`);
process.exit(result.status ?? 1);
