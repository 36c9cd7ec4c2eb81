/**
 * `pnpm conformance` as the README documents it, run from the repository root: the exit codes its help
 * promises come through pnpm, errors are one line with no banner in front, and two runs at once in one
 * checkout each record, verify and report into their own directory.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceReport } from '@vouchspec/conformance';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
/** The consumer test files, each of which reports a line while recording. */
const consumerTestFiles = (await readdir(new URL('../consumer/', import.meta.url))).filter((name) =>
  name.endsWith('.pact.test.ts'),
);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string | undefined;
}

const outDirs: string[] = [];
afterAll(() => Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** `pnpm conformance …` in a shell-less child, with the environment a user's terminal would have. */
function pnpmConformance(args: string[]): Promise<Run> {
  // Variables this test runner, turbo and pnpm set for themselves are not the user's.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(VITEST|TURBO_(?!TELEMETRY)|npm_|PNPM_|INIT_CWD$|NODE_ENV$|VOUCHERIFY_|MEWS_)/.test(name),
    ),
  );
  // Turbo built what the command needs before this task; a second turbo inside the run could rebuild (and
  // so briefly remove) packages that other tasks are reading.
  env.VOUCHSPEC_BUILT = '1';
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['conformance', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const outDir = /^Output: (.+)$/m.exec(stdout)?.[1];
      if (outDir) outDirs.push(outDir);
      resolve({ code, stdout, stderr, outDir });
    });
  });
}

/** What the user's command printed on stderr, without pnpm's echo of the script and its exit line. */
const ownErrorLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter(
      (line) => line.trim() && !/^\$ node scripts\/after-build\.mjs|^\[ELIFECYCLE\]|^Build: /.test(line),
    );

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('pnpm conformance', () => {
  it('exits 2 on bad usage, with one line and no pnpm error box', async () => {
    const run = await pnpmConformance(['--provider', 'stripe']);
    expect(run.code).toBe(2);
    expect(ownErrorLines(run.stderr)).toEqual([
      'pnpm conformance: Unknown provider "stripe": use voucherify, mews-connector, all',
    ]);
    expect(run.stderr).not.toMatch(/ERR_PNPM|RECURSIVE/);
  });

  it('exits 3 when the target is down, before recording anything, with errored reports', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await pnpmConformance(['--provider', 'voucherify', '--base-url', url]);
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(ownErrorLines(run.stderr)).toEqual([
      `✗ Errored: voucherify at ${url}: nothing is listening there (connection refused)`,
    ]);
    expect(run.stdout).not.toContain('Record:');
    const report = JSON.parse(await readFile(join(run.outDir ?? '', 'conformance.json'), 'utf8'));
    expect(report.status).toBe('errored');
  });

  it('runs twice at once in one checkout: both record, verify and report into their own directories', async () => {
    // Both record the whole contract at the same time, where runs used to collide; each verifies the Mews
    // API only, to spare CI's two cores (the full verification is the same code, run by the bin's tests).
    const runs = await Promise.all([
      pnpmConformance(['--provider', 'mews-connector']),
      pnpmConformance(['--provider', 'mews-connector']),
    ]);
    expect(runs[0]?.outDir).toBeDefined();
    expect(runs[0]?.outDir).not.toBe(runs[1]?.outDir);
    for (const run of runs) {
      expect(run?.code, `${run?.stdout}\n${run?.stderr}`).toBe(0);
      const report = JSON.parse(
        await readFile(join(run?.outDir ?? '', 'conformance.json'), 'utf8'),
      ) as ConformanceReport;
      expect(report.totals).toMatchObject({ operations: 3, covered: 3, failed: 0, skipped: 0 });
      expect(report.totals.interactions).toBeGreaterThanOrEqual(14);
      expect(report.headline).toBe(`Passed: all ${report.totals.interactions} interactions verified`);
      // Each run recorded the whole contract into its own directory.
      const pacts = join(run?.outDir ?? '', 'pacts');
      expect((await readdir(pacts)).sort()).toEqual([
        'vouchspec-client-mews-connector.json',
        'vouchspec-client-voucherify.json',
      ]);
      const voucherify = JSON.parse(await readFile(join(pacts, 'vouchspec-client-voucherify.json'), 'utf8'));
      expect(voucherify.interactions.length).toBeGreaterThanOrEqual(220);
      // Progress while recording: a line per consumer test file, as it finishes.
      expect(run?.stdout.match(/^ {2}✓ [a-z-]+: \d+ of \d+ interactions recorded/gm)?.length).toBe(
        consumerTestFiles.length,
      );
    }
  });
});
