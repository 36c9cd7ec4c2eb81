/** Upstream failures come back as the vendor's gateway errors, never as a hang. */
import { createServer } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { startValidatingProxy, type ValidatingProxy } from '../../src/proxy/start.js';
import { secretHeaders, startUpstream, type TestUpstream } from './upstreams.js';

const started: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(started.map((server) => server.close())));

async function proxyTo(upstream: string, upstreamTimeoutMs?: number): Promise<ValidatingProxy> {
  const proxy = await startValidatingProxy({ upstream, upstreamTimeoutMs });
  started.push(proxy);
  return proxy;
}

/** A port that was free a moment ago and now has nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('answers 502 in the API’s error shape when the upstream refuses the connection', async () => {
  const proxy = await proxyTo(`http://127.0.0.1:${await closedPort()}`, 2000);
  const voucherify = await fetch(`${proxy.url}/v1/customers`);
  expect(voucherify.status).toBe(502);
  expect(await voucherify.json()).toMatchObject({
    code: 502,
    details: 'vouchspec proxy: the upstream refused the connection (ECONNREFUSED).',
  });
  const mews = await fetch(`${proxy.url}/api/connector/v1/voucherCodes/getAll`, {
    method: 'POST',
    body: '{}',
  });
  expect(mews.status).toBe(502);
  expect(await mews.json()).toMatchObject({ Message: expect.stringContaining('refused the connection') });
  expect(mews.headers.get('Request-Id')).toBeTruthy();
  expect(proxy.report()).toMatchObject({ calls: 0, upstreamErrors: 2 });
});

it('answers 504 when the upstream does not answer within upstreamTimeoutMs', async () => {
  let received = 0;
  const silent: TestUpstream = await startUpstream(() => {
    received++; // and never answers
  });
  started.push(silent);
  const proxy = await proxyTo(silent.url, 200);
  const answer = await fetch(`${proxy.url}/v1/customers`);
  expect(answer.status).toBe(504);
  expect(await answer.json()).toMatchObject({
    code: 504,
    details: 'vouchspec proxy: the upstream did not answer within 200 ms.',
  });
  expect(received).toBe(1);
});

it('says which failure it was: a reset connection, or TLS that fails', async () => {
  const resetting = await startUpstream((req) => req.socket.destroy());
  started.push(resetting);
  const reset = await fetch(`${(await proxyTo(resetting.url)).url}/v1/customers`);
  expect(reset.status).toBe(502);
  expect(await reset.json()).toMatchObject({ details: expect.stringContaining('reset the connection') });
  // https to a server that speaks plain HTTP: the TLS handshake fails.
  const tls = await fetch(`${(await proxyTo(resetting.url.replace('http:', 'https:'))).url}/v1/customers`);
  expect(tls.status).toBe(502);
  expect(await tls.json()).toMatchObject({ details: expect.stringContaining('TLS failure') });
});

it('keeps credentials out of a gateway error’s log line', async () => {
  const logs: string[] = [];
  const proxy = await startValidatingProxy({
    upstream: `http://127.0.0.1:${await closedPort()}`,
    onLog: (line) => logs.push(line),
  });
  started.push(proxy);
  const token = secretHeaders['X-App-Token'];
  const answer = await fetch(`${proxy.url}/api/connector/v1/${token}`, { headers: secretHeaders });
  expect(answer.status).toBe(502);
  expect(logs).toEqual([expect.stringContaining('/api/connector/v1/[redacted] 502 the upstream refused')]);
});
