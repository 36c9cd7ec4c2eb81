/**
 * The whole conformance suite, run through the proxy in front of the mock: every interaction passes and
 * the proxy reports no drift. The mock's `Vouchspec-Mock` header reaches the suite unchanged, so it sets up
 * mock-only states through the proxy's forwarded `/__admin/*` requests. Needs `@vouchspec/conformance` built
 * (turbo builds it before this package's tests).
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultCredentials } from '../../src/credentials.js';
import { startValidatingProxy, type ValidatingProxy } from '../../src/proxy/start.js';
import { type MockServer, startMockServer } from '../../src/server.js';

const conformanceBin = fileURLToPath(new URL('../../../conformance/dist/bin.js', import.meta.url));
let mock: MockServer;
let proxy: ValidatingProxy;

beforeAll(async () => {
  // Strict credentials: the suite's "invalid keys → 401" interactions need a mock that refuses other keys.
  mock = await startMockServer({ credentials: defaultCredentials });
  proxy = await startValidatingProxy({ upstream: mock.url });
});

afterAll(async () => {
  await proxy?.close();
  await mock?.close();
});

it.each(['voucherify', 'mews-connector'])(
  'passes the %s conformance run with 0 violations',
  async (provider) => {
    const out = await mkdtemp(join(tmpdir(), 'vouchspec-proxy-conformance-'));
    const args = [conformanceBin, '--provider', provider, '--base-url', proxy.url, '--out', out];
    // Asynchronous, so the proxy and the mock in this process keep answering while the suite runs.
    const run = await promisify(execFile)(process.execPath, args, {
      env: { ...process.env, NO_COLOR: '1' },
    }).catch((error: { stdout?: string; stderr?: string }) => error);
    expect(run.stderr ?? '').toBe('');
    expect(run.stdout).toMatch(/passed/i);
    const report = proxy.report();
    expect(report.operations.filter((o) => o.violations.length > 0)).toEqual([]);
    expect(report).toMatchObject({ violations: 0, upstreamErrors: 0 });
    expect(report.calls).toBeGreaterThan(0);
  },
  300_000,
);
