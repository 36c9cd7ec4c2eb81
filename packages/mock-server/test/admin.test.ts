import { describe, expect, it } from 'vitest';
import { allOperations, appKeys, startMock, useMock } from './helpers.js';

const mock = useMock({ credentials: { voucherify: { 'X-App-Token': 'custom-token' } } });

describe('admin endpoints and options', () => {
  it('lists every bundled operation, each with stateful behaviour rather than a canned example', async () => {
    const res = await mock.call('GET', '/__admin/operations');
    expect(res.body).toHaveLength(allOperations.length);
    expect(res.body.filter((o: { behaviour: string }) => o.behaviour !== 'stateful')).toEqual([]);
    const byId = Object.fromEntries(res.body.map((o: { operationId: string }) => [o.operationId, o]));
    expect(byId.createCustomer).toMatchObject({ api: 'voucherify', method: 'POST', path: '/v1/customers' });
  });

  it('seeds state after validating every item, and rejects a bad seed without changing anything', async () => {
    const bad = await mock.call('POST', '/__admin/seed', {
      body: {
        voucherify: {
          customers: [
            { summary: null, loyalty: null, referrals: null, object: 'customer' },
            { object: 'person' },
          ],
        },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('Seed: voucherify.customers[1].summary is required');
    expect(mock.server.state.customers.size).toBe(0);
    const good = await mock.call('POST', '/__admin/seed', {
      body: {
        voucherify: {
          customers: [
            {
              id: 'cust_seeded',
              source_id: 's',
              summary: null,
              loyalty: null,
              referrals: null,
              object: 'customer',
            },
          ],
        },
      },
    });
    expect(good.body).toEqual({
      seeded: { 'voucherify.customers': 1 },
      world: 'default',
      addressing: expect.stringContaining('X-Vouchspec-World'),
    });
    const state = await mock.call('GET', '/__admin/state');
    expect(state.body.voucherify.customers).toHaveLength(1);
    expect(await mock.call('POST', '/__admin/reset')).toMatchObject({ status: 204 });
    expect(mock.server.state.customers.size).toBe(0);
  });

  it('accepts configured credentials instead of the defaults', async () => {
    const withDefault = await mock.call('GET', '/v1/customers/x', { headers: appKeys });
    expect(withDefault.status).toBe(401);
    const withCustom = await mock.call('GET', '/v1/customers/x', {
      headers: { ...appKeys, 'X-App-Token': 'custom-token' },
    });
    expect(withCustom.status).toBe(404);
  });

  it('refuses unknown credential names', async () => {
    await expect(startMock({ credentials: { voucherify: { 'X-Api-Key': 'k' } } })).rejects.toThrow(
      'credentials.voucherify: unknown credential "X-Api-Key"',
    );
  });
});
