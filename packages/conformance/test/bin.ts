/**
 * `vouchspec-conformance` as users run it: the built bin in a child process, in a directory of its own,
 * with only the Voucherify and Mews variables a test gives it; or the same command in this process.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli.js';
import type { ConformanceReport } from '../src/report/build-report.js';
import { type Finished, runNodeScript } from './child-process.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface BinRun extends Finished {
  /** Where the run wrote its output (`--out`). */
  outDir: string;
  report(): Promise<ConformanceReport>;
  /** Removes the run's directory. */
  remove(): Promise<void>;
}

export async function runBin(args: string[], env: Record<string, string> = {}): Promise<BinRun> {
  const dir = await mkdtemp(join(tmpdir(), 'vouchspec-bin-'));
  const outDir = join(dir, 'out');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VOUCHERIFY|MEWS)_/.test(name)),
  );
  const finished = await runNodeScript([bin, '--out', outDir, ...args], {
    cwd: dir,
    env: { ...inherited, ...env },
  });
  return {
    ...finished,
    outDir,
    report: async () => JSON.parse(await readFile(join(outDir, 'conformance.json'), 'utf8')),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The same command in this process (`runCli`, which the bin calls), for the cases that need no process of
 * their own: quicker, and the environment is given rather than inherited.
 */
export async function runInProcess(args: string[], env: Record<string, string> = {}): Promise<BinRun> {
  const dir = await mkdtemp(join(tmpdir(), 'vouchspec-cli-'));
  const outDir = join(dir, 'out');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output: string[] = [];
  const code = await runCli(['--out', outDir, ...args], {
    cwd: dir,
    env,
    log: (line) => {
      stdout.push(line);
      output.push(line);
    },
    error: (line) => {
      stderr.push(line);
      output.push(line);
    },
  });
  return {
    code,
    stdout: `${stdout.join('\n')}\n`,
    stderr: `${stderr.join('\n')}\n`,
    output: `${output.join('\n')}\n`,
    outDir,
    report: async () => JSON.parse(await readFile(join(outDir, 'conformance.json'), 'utf8')),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The non-empty lines a stream carried. */
export const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
