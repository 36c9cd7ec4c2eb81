/**
 * Recording the contract: the vitest `consumer` project drives @vouchspec/client through every operation
 * against Pact's mock server, in a child process, writing one pact per provider into the given directory.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

export class RecordingFailed extends Error {}

export async function recordPacts(pactsDir: string, log: (line: string) => void): Promise<void> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const args = [vitest, 'run', '--project', 'consumer', '--reporter', 'dot'];
  const options = {
    cwd: appDir,
    env: { ...process.env, VOUCHSPEC_PACTS_DIR: pactsDir },
    maxBuffer: 64 << 20,
  };
  try {
    const { stdout } = await run(process.execPath, args, options);
    for (const line of stdout.split('\n').filter((l) => /Test Files|Tests /.test(l))) log(`  ${line.trim()}`);
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code?: number; stdout?: string; stderr?: string };
    log(`${stdout}${stderr}`);
    throw new RecordingFailed(`the consumer tests failed (exit code ${code}); no pact was verified`);
  }
}
