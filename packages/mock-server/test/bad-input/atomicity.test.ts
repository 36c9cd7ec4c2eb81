/**
 * All or nothing: whatever step of a request fails — the handler midway, the response check, the state
 * limit — the state is left exactly as the request found it, and later clean requests work.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handler } from '../../src/api.js';
import { HttpError } from '../../src/http.js';
import { exportState } from '../../src/seed.js';
import { appKeys, type Mock, startMock } from '../helpers.js';

let mock: Mock;
const restore: (() => void)[] = [];
beforeEach(async () => {
  mock = await startMock({ maxStateBytes: 2 * 1024 * 1024 });
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const undo of restore.splice(0)) undo();
  await mock.server.close();
});

/** Wraps an operation's behaviour for one test. */
function wrap(operationId: string, wrapper: (original: Handler) => Handler) {
  const compiled = mock.server.operations.find((c) => c.op.operationId === operationId);
  if (!compiled) throw new Error(`no operation ${operationId}`);
  const original = compiled.handler;
  compiled.handler = wrapper(original);
  restore.push(() => {
    compiled.handler = original;
  });
}

const create = (body: unknown) => mock.call('POST', '/v1/customers', { headers: appKeys, body });
const listIds = async () =>
  (await mock.call('GET', '/v1/customers?limit=100', { headers: appKeys })).body.customers.map(
    (c: { id: string }) => c.id,
  );

async function someCustomers() {
  for (const name of ['Ada', 'Grace', 'Edsger']) await create({ source_id: name.toLowerCase(), name });
}

describe('a request that fails', () => {
  it.each([
    ['an unexpected error (500)', new Error('boom'), 500],
    ['an HttpError (400)', new HttpError(400, 'Invalid payload', 'refused late'), 400],
  ])(
    'after writing, leaves the state as it was when the handler throws %s',
    async (_name, thrown, status) => {
      await someCustomers();
      // A handler's own failure is a bug report on stderr; captured here to keep the output clean.
      const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
      const before = exportState(mock.server.state);
      const bytes = mock.server.state.journal.bytes;
      wrap('createCustomer', (original) => (ctx) => {
        original(ctx); // stores the customer and logs its activity
        throw thrown;
      });
      const res = await create({ source_id: 'late', name: 'Late', metadata: { deep: { er: [1, 2, 3] } } });
      expect(res.status).toBe(status);
      expect(reported).toHaveBeenCalledTimes(status === 500 ? 1 : 0);
      expect(exportState(mock.server.state)).toEqual(before);
      expect(mock.server.state.journal.bytes).toBe(bytes);
      expect(mock.server.state.customers.find('sourceId', 'late')).toBeUndefined();
      restore.pop()?.();
      expect((await create({ source_id: 'late', name: 'Late' })).status).toBe(200);
    },
  );

  it('puts deleted rows back in their place, indexes included', async () => {
    await someCustomers();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const order = await listIds();
    const before = exportState(mock.server.state);
    wrap('deleteCustomerPermanently', (original) => (ctx) => {
      original(ctx);
      throw new Error('after erasing');
    });
    expect(
      (await mock.call('POST', '/v1/customers/grace/permanent-deletion', { headers: appKeys })).status,
    ).toBe(500);
    expect(exportState(mock.server.state)).toEqual(before);
    expect(await listIds()).toEqual(order);
    expect((await mock.call('GET', '/v1/customers/grace', { headers: appKeys })).status).toBe(200);
  });

  it('is undone when its response breaks the spec (validating mode)', async () => {
    await someCustomers();
    const before = exportState(mock.server.state);
    wrap('updateCustomer', (original) => (ctx) => ({ ...original(ctx), body: { id: 42 } }));
    const res = await mock.call('PUT', '/v1/customers/ada', { headers: appKeys, body: { name: 'Changed' } });
    expect(res.status).toBe(500);
    expect(res.body.message).toMatch(/breaks the spec/);
    expect(exportState(mock.server.state)).toEqual(before);
  });

  it('keeps none of a bulk update that would pass the state limit', async () => {
    await someCustomers();
    const before = exportState(mock.server.state);
    const updates = ['ada', 'new-1', 'new-2', 'new-3'].map((source_id) => ({
      source_id,
      metadata: { blob: 'b'.repeat(400 * 1024) },
    }));
    const res = await mock.call('POST', '/v1/customers/bulk/async', { headers: appKeys, body: updates });
    expect(res.status).toBe(413);
    expect(exportState(mock.server.state)).toEqual(before);
  });
});

describe('a request that succeeds', () => {
  it('keeps every change it made', async () => {
    await someCustomers();
    const res = await mock.call('POST', '/v1/customers/bulk/async', {
      headers: appKeys,
      body: [{ source_id: 'ada', name: 'Ada L.' }, { source_id: 'new' }],
    });
    expect(res.status).toBe(202);
    expect(mock.server.state.customers.find('sourceId', 'ada')?.name).toBe('Ada L.');
    expect(mock.server.state.customers.find('sourceId', 'new')).toBeDefined();
  });
});
