/**
 * The preflight stage alone: what each configured server is, or the one line saying why it cannot be used.
 * The command's handling of these (exit 3, errored reports) is in `test/cli/targets.test.ts`.
 */
import { createServer } from 'node:http';
import { type MockServer, startMockServer } from '@vouchspec/mock-server';
import { afterAll, describe, expect, it } from 'vitest';
import type { RealTargetConfig } from '../../src/config.js';
import { placeholders } from '../../src/credentials.js';
import { preflight, TargetUnavailable } from '../../src/preflight/preflight.js';
import { closedPort, closeServers, listen } from '../servers.js';

const mocks: MockServer[] = [];
afterAll(async () => {
  await Promise.all(mocks.map((mock) => mock.close()));
  await closeServers();
});

const at = (baseUrl: string): RealTargetConfig => ({ baseUrl, credentials: placeholders, secrets: [] });

async function mock(options: Parameters<typeof startMockServer>[0] = {}): Promise<string> {
  const started = await startMockServer(options);
  mocks.push(started);
  return started.url;
}

/** The TargetUnavailable a preflight of one target rejects with. */
async function refusal(
  targets: Parameters<typeof preflight>[0],
  timeoutMs?: number,
): Promise<TargetUnavailable> {
  const error = await preflight(targets, timeoutMs).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof TargetUnavailable))
    throw new Error(`the preflight did not refuse: ${String(error)}`);
  return error;
}

describe('preflight', () => {
  it('has nothing to ask when no server is configured', async () => {
    expect(await preflight({})).toEqual({});
  });

  it('tells a vouchspec mock, which names itself, from a server that does not', async () => {
    const [ours, vendor] = await Promise.all([mock(), mock({ identify: false })]);
    expect(await preflight({ voucherify: at(ours), 'mews-connector': at(vendor) })).toEqual({
      voucherify: { isMock: true },
      'mews-connector': { isMock: false },
    });
  });

  it('names the server, the read and the status when the credentials are refused', async () => {
    const url = await mock({ identify: false, credentials: { voucherify: { 'X-App-Id': 'real-app-id' } } });
    const error = await refusal({ voucherify: at(url) });
    expect(error).toMatchObject({ provider: 'voucherify', baseUrl: url });
    expect(error.message).toMatch(
      new RegExp(
        `^voucherify at ${url}: it refused the application keys \\(GET /v1/customers\\) with HTTP 401`,
      ),
    );
  });

  it('says in words what a connection failure means', async () => {
    const error = await refusal({ 'mews-connector': at(`http://127.0.0.1:${await closedPort()}`) });
    expect(error.message).toMatch(/: nothing is listening there \(connection refused\)$/);
  });

  it('gives up on a server that does not answer within the time given', async () => {
    const url = `http://127.0.0.1:${await listen(createServer(() => {}))}`;
    const error = await refusal({ 'mews-connector': at(url) }, 50);
    expect(error.message).toBe(`mews-connector at ${url}: no answer within 0.05 s`);
  });
});
