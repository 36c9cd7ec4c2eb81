/**
 * Recording the contract: the vitest `consumer` project drives @vouchspec/client through every operation
 * against Pact's mock server, in a child process, writing one pact per provider into the given directory.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));

export class RecordingFailed extends Error {}

export function recordPacts(pactsDir: string, log: (line: string) => void): Promise<void> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, 'run', '--project', 'consumer', '--reporter', 'dot'], {
      cwd: appDir,
      env: { ...process.env, VOUCHSPEC_PACTS_DIR: pactsDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      for (const line of output.split('\n').filter((l) => /Test Files|Tests /.test(l)))
        log(`  ${line.trim()}`);
      if (code === 0) return resolve();
      log(output);
      reject(new RecordingFailed(`the consumer tests failed (exit code ${code}); no pact was verified`));
    });
  });
}
