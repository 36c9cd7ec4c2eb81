/**
 * The proxy is transparent: in front of the mock, client calls conform and come back byte for byte as they
 * do directly; in front of a recording upstream, the request arrives exactly as sent.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { requestExample } from '@vouchspec/spec';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultCredentials } from '../../src/credentials.js';
import { startValidatingProxy, type ValidatingProxy } from '../../src/proxy/start.js';
import { type MockServer, startMockServer } from '../../src/server.js';
import { startUpstream, type TestUpstream } from './upstreams.js';

let mock: MockServer;
let proxy: ValidatingProxy;
let recorder: TestUpstream;
let recorderProxy: ValidatingProxy;
const recorded: { method?: string; url?: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];

beforeAll(async () => {
  mock = await startMockServer();
  proxy = await startValidatingProxy({ upstream: mock.url });
  recorder = await startUpstream(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    recorded.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(404, { 'X-Custom': 'kept' }).end('{"code":404}');
  });
  recorderProxy = await startValidatingProxy({ upstream: recorder.url });
});

afterAll(async () => {
  await Promise.all([proxy?.close(), recorderProxy?.close()]);
  await Promise.all([mock?.close(), recorder?.close()]);
});

const { 'X-App-Id': appId, 'X-App-Token': appToken } = defaultCredentials.voucherify;
const credentials = { 'X-App-Id': appId, 'X-App-Token': appToken };

/** Headers that differ between any two responses, whoever sends them. */
const comparable = (headers: Headers) =>
  [...headers].filter(([name]) => !['date', 'vouchspec-drift'].includes(name) && !/request-id/i.test(name));

/** Error bodies carry the id of their request, which is new for each. */
const withoutRequestId = (body: string) => body.replace(/"request_id":"[^"]*"/, '"request_id":"…"');

it('passes client calls through unchanged, with 0 violations', async () => {
  await fetch(`${proxy.url}/__admin/reset`, { method: 'POST' });
  const created = await fetch(`${proxy.url}/v1/customers`, {
    method: 'POST',
    headers: { ...credentials, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(requestExample('voucherify', 'createCustomer')),
  });
  expect(created.status).toBe(200);
  const { id } = (await created.json()) as { id: string };
  for (const path of [`/v1/customers/${id}`, '/v1/customers?limit=5', '/v1/customers/cust_unknown']) {
    const [direct, proxied] = (await Promise.all(
      [mock.url, proxy.url].map((base) => fetch(`${base}${path}`, { headers: credentials })),
    )) as [Response, Response];
    expect(proxied.status).toBe(direct.status);
    expect(comparable(proxied.headers)).toEqual(comparable(direct.headers));
    expect(withoutRequestId(await proxied.text())).toBe(withoutRequestId(await direct.text()));
    expect(proxied.headers.get('Vouchspec-Drift')).toBe('0');
  }
  expect(proxy.report()).toMatchObject({ calls: 4, conforming: 4, violations: 0 });
});

it('forwards method, path, query, every header (Accept included) and the body bytes as sent', async () => {
  const body = Buffer.from('{"name":"no content type"}');
  const answer = await fetch(`${recorderProxy.url}/v1/customers/c%2F1?expand=a&expand=b&x=%20`, {
    method: 'PUT',
    headers: { Accept: 'application/vnd.custom+json; q=0.9', 'X-Trace': 'abc', ...credentials },
    body: new Uint8Array(body),
  });
  expect(answer.status).toBe(404);
  expect(answer.headers.get('X-Custom')).toBe('kept');
  expect(await answer.text()).toBe('{"code":404}');
  const [seen] = recorded;
  expect(seen?.method).toBe('PUT');
  expect(seen?.url).toBe('/v1/customers/c%2F1?expand=a&expand=b&x=%20');
  expect(seen?.body).toEqual(body);
  expect(seen?.headers).toMatchObject({
    accept: 'application/vnd.custom+json; q=0.9',
    'x-trace': 'abc',
    'x-app-id': appId,
    'content-length': String(body.length),
    host: new URL(recorder.url).host,
  });
  expect(seen?.headers['content-type']).toBeUndefined();
});
