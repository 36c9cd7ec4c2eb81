/**
 * Recording the contract: the vitest `consumer` project drives @vouchspec/client through every operation
 * against Pact's mock server, in a child process, writing one pact per provider into the given directory.
 * Its progress reporter's lines are passed on as they come.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const reporter = fileURLToPath(new URL('../test/consumer/progress-reporter.ts', import.meta.url));

export class RecordingFailed extends Error {}

export function recordPacts(pactsDir: string, log: (line: string) => void): Promise<void> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const child = spawn(process.execPath, [vitest, 'run', '--project', 'consumer', '--reporter', reporter], {
    cwd: appDir,
    env: { ...process.env, VOUCHSPEC_PACTS_DIR: pactsDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stdout }).on('line', (line) => log(`  ${line}`));
  // Vitest's own errors (a file that cannot load, an unhandled rejection) come on stderr; kept for the failure.
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      if (errors.trim()) log(errors.trimEnd());
      reject(new RecordingFailed(`the consumer tests failed (exit code ${code})`));
    });
  });
}
