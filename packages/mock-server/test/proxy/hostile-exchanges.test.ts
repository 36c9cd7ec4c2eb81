/**
 * Bodies nested far deeper than any validator should recurse still reach
 * the caller exactly as the upstream sent them; a request body is checked only to the mock's depth limit.
 */
import { responseExample } from '@vouchspec/spec';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startValidatingProxy, type ValidatingProxy } from '../../src/proxy/start.js';
import { secretHeaders, startUpstream, type TestUpstream } from './upstreams.js';

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepAnswer = `{"id":"cust_1","object":"customer","metadata":${nested(100_000)}}`;

let upstream: TestUpstream;
let proxy: ValidatingProxy;

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    req.resume();
    const json = { 'Content-Type': 'application/json' };
    if (req.method === 'GET') res.writeHead(200, json).end(deepAnswer);
    else res.writeHead(200, json).end(JSON.stringify(responseExample('voucherify', 'createCustomer', 200)));
  });
  proxy = await startValidatingProxy({ upstream: upstream.url });
});

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

it('forwards a response nested 100,000 levels deep unchanged and reports it', async () => {
  const res = await fetch(`${proxy.url}/v1/customers/cust_1`, { headers: secretHeaders });
  expect(res.status).toBe(200);
  expect(await res.text()).toBe(deepAnswer);
  expect(res.headers.get('Vouchspec-Drift')?.split(';')[0]).toBe('1');
  const getCustomer = proxy.report().operations.find((o) => o.operation === 'voucherify:getCustomer');
  expect(getCustomer?.violations).toContainEqual(
    expect.objectContaining({ in: 'response.body', expected: 'JSON at most 64 levels deep' }),
  );
});

it('forwards a request nested 100,000 levels deep and reports the depth, not a crash', async () => {
  const res = await fetch(`${proxy.url}/v1/customers`, {
    method: 'POST',
    headers: { ...secretHeaders, 'Content-Type': 'application/json' },
    body: `{"source_id":"deep","metadata":${nested(100_000)}}`,
  });
  expect(res.status).toBe(200);
  expect(Number(res.headers.get('Vouchspec-Drift')?.split(';')[0])).toBeGreaterThanOrEqual(1);
  const createCustomer = proxy.report().operations.find((o) => o.operation === 'voucherify:createCustomer');
  // Checked to the mock's own depth limit, never walked further.
  expect(createCustomer?.violations).toContainEqual(
    expect.objectContaining({ in: 'request.body', expected: expect.stringMatching(/deeper than 64 levels/) }),
  );
  // The proxy still serves.
  expect((await fetch(`${proxy.url}/v1/customers/cust_1`, { headers: secretHeaders })).status).toBe(200);
});
