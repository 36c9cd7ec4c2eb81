/**
 * What `vouchspec-conformance` does with the targets CI meets: one that is down, one with a self-signed
 * certificate, one that refuses the credentials, one that never answers. Each must end the run before
 * anything is verified, with exit code 3, one line on stderr naming the target and the cause, and reports
 * that say the run errored. Bad usage and configuration exit with 2.
 */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@vouchspec/mock-server';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/cli.js';
import { type BinRun, lines, runBin, runInProcess } from '../bin.js';
import { closedPort, closeServers, listen } from '../servers.js';

const runs: BinRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.remove()));
  await closeServers();
});

async function bin(args: string[], env?: Record<string, string>) {
  const run = await runBin(args, env);
  runs.push(run);
  return run;
}

async function inProcess(args: string[], env?: Record<string, string>) {
  const run = await runInProcess(args, env);
  runs.push(run);
  return run;
}

/** The run errored as it should: exit 3, one stderr line with this cause, and errored reports. */
async function expectErrored(run: BinRun, target: string, cause: RegExp) {
  expect(run.code, run.output).toBe(exitCodes.targetUnavailable);
  const [line, ...more] = lines(run.stderr);
  expect(more, run.stderr).toEqual([]);
  expect(line).toMatch(new RegExp(`^✗ Errored: ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
  expect(line).toMatch(cause);
  expect(run.output).not.toMatch(/^\s+at /m);
  const report = await run.report();
  expect(report).toMatchObject({ status: 'errored', passed: false, interactions: [] });
  expect(report.headline).toBe(line?.replace(/^✗ /, ''));
  // From the start of the run to the written report: the preflight's answer comes fast.
  expect(report.durationMs).toBeLessThan(10_000);
  const junit = await readFile(join(run.outDir, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/<error message="[^"]+" type="TargetUnavailable"/);
  expect(await readFile(join(run.outDir, 'conformance.md'), 'utf8')).toContain(
    '# vouchspec conformance: Errored',
  );
}

describe.concurrent('targets that cannot be used (exit 3)', () => {
  it('a server that is down', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await bin(['--provider', 'voucherify', '--base-url', url]);
    await expectErrored(run, `voucherify at ${url}`, /nothing is listening there \(connection refused\)$/);
  });

  it('a server whose TLS certificate is self-signed', async () => {
    const { private: key, cert } = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
    });
    const port = await listen(
      createHttpsServer({ key, cert }, (_, res) => res.end('{}')) as unknown as Server,
    );
    const url = `https://127.0.0.1:${port}`;
    const run = await inProcess(['--provider', 'mews-connector', '--base-url', url]);
    await expectErrored(run, `mews-connector at ${url}`, /TLS certificate is self-signed/);
  });

  it('a server that refuses the credentials', async () => {
    // A vendor stand-in: accepts only its own keys, and does not say it is a mock.
    const vendor = await startMockServer({
      identify: false,
      credentials: { voucherify: { 'X-Management-Id': 'real-id', 'X-Management-Token': 'real-token' } },
    });
    try {
      const run = await inProcess(['--provider', 'voucherify', '--base-url', vendor.url]);
      await expectErrored(
        run,
        `voucherify at ${vendor.url}`,
        /refused the management keys \(GET \/management\/v1\/projects\) with HTTP 401: /,
      );
    } finally {
      await vendor.close();
    }
  });

  it('a server that never answers', async () => {
    const port = await listen(createHttpServer(() => {}));
    const url = `http://127.0.0.1:${port}`;
    const run = await inProcess(['--provider', 'mews-connector', '--base-url', url]);
    await expectErrored(run, `mews-connector at ${url}`, /no answer within 4 s$/);
  });

  it('a server that stops answering during the run', async () => {
    // Deterministic: the mock closes itself after a number of requests, well past the preflight.
    let served = 0;
    let mock: MockServer | undefined;
    mock = await startMockServer({
      onLog: () => {
        served++;
        if (served === 60) void mock?.close();
      },
    });
    const run = await bin(['--provider', 'voucherify', '--base-url', mock.url]);
    expect(run.code, run.output).toBe(exitCodes.targetUnavailable);
    expect(lines(run.stderr).at(-1)).toMatch(
      new RegExp(
        `^Errored: voucherify at ${mock.url.replace(/[.]/g, '\\.')}: nothing is listening there \\(connection refused\\) \\(it stopped answering during the run\\) \\(\\d+\\.\\d s\\)$`,
      ),
    );
    expect(run.output).not.toMatch(/^\s+at /m);
    const report = await run.report();
    expect(report.status).toBe('errored');
    // Every interaction is accounted for: those verified before, and the rest as failed with the reason.
    expect(report.totals.interactions).toBe(220);
    expect(report.totals.passed).toBeGreaterThan(0);
    expect(report.totals.failed).toBe(report.totals.interactions - report.totals.passed);
  });

  it('keeps the configured credentials out of its output and reports', async () => {
    const secret = 'secret-management-token-4f1d9a';
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await bin(['--provider', 'voucherify'], {
      VOUCHERIFY_BASE_URL: url,
      VOUCHERIFY_APP_ID: 'app-id',
      VOUCHERIFY_APP_TOKEN: 'app-token',
      VOUCHERIFY_MANAGEMENT_ID: 'management-id',
      VOUCHERIFY_MANAGEMENT_TOKEN: secret,
    });
    expect(run.code).toBe(exitCodes.targetUnavailable);
    expect(run.output).not.toContain(secret);
    for (const file of ['conformance.json', 'junit.xml', 'conformance.md'])
      expect(await readFile(join(run.outDir, file), 'utf8')).not.toContain(secret);
  });
});

describe.concurrent('bad usage and configuration (exit 2)', () => {
  it('the bin exits 2 with one line', async () => {
    const run = await bin(['--bogus']);
    expect(run.code, run.output).toBe(exitCodes.usage);
    expect(lines(run.stderr)).toEqual(["vouchspec-conformance: Unknown option '--bogus' (see --help)"]);
  });

  it.each([
    [['--provider', 'stripe'], {}, /^vouchspec-conformance: Unknown provider "stripe"/],
    [['--base-url', 'http://127.0.0.1:4010'], {}, /needs a single --provider/],
    [['--provider', 'voucherify'], { VOUCHERIFY_CLUSTER: 'mars' }, /VOUCHERIFY_CLUSTER must be one of/],
    [['--provider', 'voucherify', '--base-url', 'ftp://x'], {}, /must be an http\(s\) URL/],
    [
      ['--provider', 'voucherify'],
      { VOUCHERIFY_APP_ID: 'x' },
      /neither VOUCHERIFY_BASE_URL nor VOUCHERIFY_CLUSTER/,
    ],
  ] as const)('%j %j', async (args, env, message) => {
    const run = await inProcess([...args], env);
    expect(run.code, run.stderr).toBe(exitCodes.usage);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('--help prints the options and exit codes, and exits 0', async () => {
    const run = await inProcess(['--help']);
    expect(run.code).toBe(exitCodes.passed);
    expect(run.stdout).toContain('--fail-on-skipped');
    expect(run.stdout).toMatch(/Exit codes: 0 passed .* 1 failed;\s+2 bad usage or configuration; 3 /s);
  });
});
