import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appKeys, schemaErrors, startMock } from './helpers.js';

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
beforeEach(() => mock.server.reset());
afterAll(() => mock.server.close());

const create = (body: unknown) => mock.call('POST', '/v1/customers', { headers: appKeys, body });

describe('customers', () => {
  it('creates a customer that validates against the spec', async () => {
    const res = await create({
      source_id: 'crm-1',
      name: 'Ada',
      email: 'ada@example.com',
      metadata: { tier: 'gold' },
    });
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'Customer', res.body)).toBeUndefined();
    expect(res.body).toMatchObject({
      object: 'customer',
      source_id: 'crm-1',
      name: 'Ada',
      metadata: { tier: 'gold' },
    });
    expect(res.body.id).toMatch(/^cust_[A-Za-z0-9]{24}$/);
  });

  it('upserts on source_id and on id, keeping fields that were not sent', async () => {
    const first = await create({ source_id: 'crm-2', name: 'Bob', email: 'bob@example.com' });
    const bySource = await create({ source_id: 'crm-2', name: 'Robert' });
    expect(bySource.body.id).toBe(first.body.id);
    expect(bySource.body).toMatchObject({ name: 'Robert', email: 'bob@example.com' });
    const byId = await create({ id: first.body.id, phone: '+1 555' });
    expect(byId.body).toMatchObject({ id: first.body.id, name: 'Robert', phone: '+1 555' });
    expect(mock.server.state.customers.size).toBe(1);
  });

  it('rejects an id that names no customer', async () => {
    const res = await create({ id: 'cust_unknown' });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('body.id cust_unknown does not name an existing customer');
  });

  it('gets a customer by id and by source_id', async () => {
    const created = await create({ source_id: 'crm-3' });
    const byId = await mock.call('GET', `/v1/customers/${created.body.id}`, { headers: appKeys });
    const bySource = await mock.call('GET', '/v1/customers/crm-3', { headers: appKeys });
    expect(byId.body).toEqual(created.body);
    expect(bySource.body).toEqual(created.body);
  });

  it('deletes a customer, after which it is gone', async () => {
    await create({ source_id: 'crm-4' });
    const deleted = await mock.call('DELETE', '/v1/customers/crm-4', { headers: appKeys });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const after = await mock.call('GET', '/v1/customers/crm-4', { headers: appKeys });
    expect(after.status).toBe(404);
    expect(after.body).toMatchObject({ key: 'not_found', resource_type: 'customer', resource_id: 'crm-4' });
    const again = await mock.call('DELETE', '/v1/customers/crm-4', { headers: appKeys });
    expect(again.status).toBe(404);
  });
});
