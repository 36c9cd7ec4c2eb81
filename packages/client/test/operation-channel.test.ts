/**
 * Each call's operation must reach the resilient fetch through that call alone, whenever openapi-fetch
 * builds the request. openapi-fetch 0.17.0 happens to build it before its first await; here its methods
 * are made to wait first, each until the test lets it go, so calls started in the same tick build their
 * requests later and in the opposite order. An operation handed over through anything shared between
 * calls (a module-level "operation being prepared", or one per client or per method) fails these tests.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createVoucherifyClient } from '../src/index.js';
import { type Reply, startRecordingServer } from './recording-server.js';

/** One release per call waiting inside openapi-fetch, in the order the calls were made. */
const waiting = vi.hoisted(() => [] as (() => void)[]);

vi.mock('openapi-fetch', async (importOriginal) => {
  const openapiFetch = await importOriginal<typeof import('openapi-fetch')>();
  const createClient: typeof openapiFetch.default = (options) => {
    const client = openapiFetch.default(options);
    for (const method of ['GET', 'PUT', 'POST', 'DELETE'] as const) {
      const build = client[method] as (...args: unknown[]) => Promise<unknown>;
      Object.assign(client, {
        [method]: async (...args: unknown[]) => {
          await new Promise<void>((release) => waiting.push(release));
          return build(...args);
        },
      });
    }
    return client;
  };
  return { ...openapiFetch, default: createClient };
});

let server: Awaited<ReturnType<typeof startRecordingServer>>;
afterEach(async () => {
  waiting.length = 0;
  await server.close();
});

async function voucherify(replies: Reply[], timeoutMs?: number) {
  server = await startRecordingServer(replies);
  return createVoucherifyClient({
    baseUrl: server.url,
    appId: 'app-id',
    appToken: 'app-token',
    managementId: 'mgmt-id',
    managementToken: 'mgmt-token',
    timeoutMs,
  });
}

/** Resolves once `count` calls wait inside openapi-fetch, before building their requests. */
async function callsWaiting(count: number) {
  while (waiting.length < count) await new Promise((resolve) => setImmediate(resolve));
}

it('gives two calls started in the same tick each their own credentials, built in reverse order', async () => {
  const client = await voucherify([{ status: 200, body: {} }]);
  const customer = client.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_1' } } });
  const project = client.GET('/management/v1/projects/{projectId}', {
    params: { path: { projectId: 'proj_1' } },
  });
  await callsWaiting(2);
  waiting[1]?.();
  // A call that failed to build its request rejects instead of reaching the server.
  await Promise.race([server.received(1), project]);
  waiting[0]?.();
  await Promise.all([customer, project]);

  const [first, second] = server.requests;
  expect(first?.url).toBe('/management/v1/projects/proj_1');
  expect(first?.headers).toMatchObject({ 'x-management-id': 'mgmt-id', 'x-management-token': 'mgmt-token' });
  expect(first?.headers['x-app-id']).toBeUndefined();
  expect(second?.url).toBe('/v1/customers/cust_1');
  expect(second?.headers).toMatchObject({ 'x-app-id': 'app-id', 'x-app-token': 'app-token' });
  expect(second?.headers['x-management-id']).toBeUndefined();
});

it("keeps a call's parseAs: 'stream' to that call when another call of the operation is under way", async () => {
  const stalled: Reply = { status: 200, headers: { 'Content-Type': 'application/json' }, stall: '{"id":' };
  // A timeout far beyond the test's arms the body read; a stream read whole could never end.
  const client = await voucherify([stalled, { status: 200, body: { id: 'cust_2' } }], 600_000);
  const streamed = client.GET('/v1/customers/{customerId}', {
    params: { path: { customerId: 'cust_1' } },
    parseAs: 'stream',
  });
  const whole = client.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_2' } } });
  await callsWaiting(2);
  waiting[0]?.();
  await Promise.race([server.received(1), streamed]);
  waiting[1]?.();

  expect((await whole).data).toEqual({ id: 'cust_2' });
  const reader = ((await streamed).data as ReadableStream<Uint8Array>).getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"id":');
  await reader.cancel();
});
