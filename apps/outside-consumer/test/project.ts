/**
 * A user's project, outside the workspace: a private package.json, an `.npmrc` that takes the `@vouchspec`
 * scope from the local registry (and everything else from the usual one), the packages installed with npm,
 * and this package's `fixtures/` copied in as the files the checks run.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunResult, run } from './processes.js';

/** Pinned like the workspace's own, so a new release of a tool cannot fail this test on its own. */
export const publicTools = ['typescript@5.9.3', 'vitest@4.1.12', '@types/node@20.19.43'];

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A cold npm cache takes one to two minutes here; this only bounds a hung install. */
const installTimeoutMs = 600_000;

export async function createProject(
  dir: string,
  registryUrl: string,
  vouchspecPackages: string[],
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ private: true }, null, 2)}\n`);
  await writeFile(join(dir, '.npmrc'), `@vouchspec:registry=${registryUrl}\n`);
  await cp(fixtures, dir, { recursive: true });
  // --prefer-online: every run republishes the same version numbers to a new registry, so npm must not trust
  // metadata cached by an earlier run. The normal npm cache is kept, so the public tools are fast when warm.
  return run(
    'npm',
    ['install', ...vouchspecPackages, ...publicTools, '--no-audit', '--no-fund', '--prefer-online'],
    { cwd: dir, env, timeoutMs: installTimeoutMs },
  );
}

/** A binary the project's install put in `node_modules/.bin`. */
export function projectBin(projectDir: string, name: string): string {
  return join(projectDir, 'node_modules', '.bin', name);
}
