#!/usr/bin/env node
/**
 * Runs a repository command after turbo has built what it needs, as `pnpm conformance`, `pnpm mock` and
 * `pnpm docs:serve` do:
 *
 *   node scripts/after-build.mjs <turbo filter> <package dir> <script> [arguments…]
 *
 * The build is quiet: one line saying what was built, and turbo's own output only when it fails
 * (VOUCHSPEC_BUILT=1 skips it, for a caller that has just built, such as a test inside turbo's own run,
 * where a second turbo could rebuild packages that other tasks are reading). The script then runs in its package's directory (TypeScript through tsx) with the caller's arguments, and its
 * exit code (or signal) is this process's, so the documented commands exit as their help says.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [filter, packageDir, script, ...args] = process.argv.slice(2);
if (!filter || !packageDir || !script) {
  console.error('usage: node scripts/after-build.mjs <turbo filter> <package dir> <script> [arguments…]');
  process.exit(2);
}

// Ctrl-C in a terminal reaches the running child too: wait for it to finish rather than leave it behind.
// A SIGTERM (a CI job cancelled) is passed on.
let current;
process.on('SIGINT', () => {});
process.on('SIGTERM', () => current?.kill('SIGTERM'));

/** Runs a command to its end; resolves with its exit code and, when captured, its output. */
function run(command, commandArgs, options) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, options);
    current = child;
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('exit', (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}

// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by this launcher, not by any turbo task.
if (process.env.VOUCHSPEC_BUILT !== '1') {
  const started = performance.now();
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const build = await run(turbo, ['run', 'build', `--filter=${filter}`, '--output-logs=errors-only'], {
    cwd: root,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.code !== 0) {
    process.stderr.write(build.output);
    console.error(`\nThe build of ${filter} failed (turbo exited with ${build.code}); nothing was run.`);
    process.exit(1);
  }
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(build.output);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `Build: ${filter} up to date in ${seconds} s${cached ? ` (${cached[1]} of ${cached[2]} turbo tasks from cache)` : ''}`,
  );
}

const cwd = join(root, packageDir);
const nodeArgs = script.endsWith('.ts') ? ['--import', 'tsx', script, ...args] : [script, ...args];
const result = await run(process.execPath, nodeArgs, { cwd, stdio: 'inherit' });
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.code);
