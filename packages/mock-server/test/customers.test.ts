import { describe, expect, it } from 'vitest';
import { customerCalls } from './fixtures/customers.js';
import { expectNotFound, schemaErrors, useMock } from './helpers.js';

const mock = useMock();
const { send, create, get, activityTypes, createAt, seedSegments } = customerCalls(mock);

describe('customers', () => {
  it('creates a customer that validates against the spec', async () => {
    const sent = { source_id: 'crm-1', name: 'Ada', email: 'ada@example.com', metadata: { tier: 'gold' } };
    const res = await create(sent);
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'Customer', res.body)).toBeUndefined();
    expect(res.body).toMatchObject({ ...sent, object: 'customer' });
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
    const byId = await get(created.body.id);
    const bySource = await get('crm-3');
    expect(byId.body).toEqual(created.body);
    expect(bySource.body).toEqual(created.body);
  });

  it('deletes a customer, after which it is gone', async () => {
    await create({ source_id: 'crm-4' });
    const deleted = await send('DELETE', '/crm-4');
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const after = await send('GET', '/crm-4');
    expectNotFound(after, 'customer', 'crm-4');
    const again = await send('DELETE', '/crm-4');
    expect(again.status).toBe(404);
  });
});

describe('customer activity', () => {
  it('records created, updated and deleted with the customer as it was then', async () => {
    const created = await create({ source_id: 'act-1', name: 'Ada' });
    await create({ source_id: 'act-1', name: 'Ada L.' });
    await send('PUT', '/act-1', { email: 'ada@example.com' });
    await send('DELETE', '/act-1');
    const log = mock.server.state.activities.findAll('customer', created.body.id).map((row) => row.activity);
    expect(log.map((activity) => activity.type)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.updated',
      'customer.deleted',
    ]);
    const snapshots = log.map(
      (activity) => (activity.data?.data as { customer?: { name?: string } } | undefined)?.customer,
    );
    expect(snapshots.map((customer) => customer?.name)).toEqual(['Ada', 'Ada L.', 'Ada L.', 'Ada L.']);
    expect(snapshots[1]).not.toHaveProperty('email');
    expect(snapshots[3]).toMatchObject({ id: created.body.id, email: 'ada@example.com' });
    expect(log[0]).toMatchObject({ data: { event_source: { channel: 'API' } } });
    expect(log[0]?.id).toMatch(/^evcus_/);
  });
});

describe('updateCustomer', () => {
  it('replaces the fields sent, keeps the others and sets updated_at', async () => {
    const created = await createAt('2024-01-01T00:00:00.000Z', {
      source_id: 'up-1',
      name: 'Bob',
      email: 'bob@example.com',
      address: { city: 'Paris', country: 'FR' },
      metadata: { tier: 'silver', newsletter: true },
    });
    const res = await send('PUT', '/up-1', {
      phone: '+33 1 23',
      address: { city: 'Lyon' },
      metadata: { tier: 'gold' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.id,
      source_id: 'up-1',
      name: 'Bob',
      email: 'bob@example.com',
      phone: '+33 1 23',
      address: { city: 'Lyon' },
      metadata: { tier: 'gold' },
      created_at: '2024-01-01T00:00:00.000Z',
    });
    expect(res.body.address).not.toHaveProperty('country');
    expect(Date.parse(res.body.updated_at)).toBeGreaterThan(Date.parse('2024-01-01T00:00:00.000Z'));
    expect((await get(created.id as string)).body).toEqual(res.body);
    expect(activityTypes(created.id as string)).toEqual(['customer.created', 'customer.updated']);
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await send('PUT', '/nobody', { name: 'X' });
    expectNotFound(res, 'customer', 'nobody');
  });

  it('rejects a body that breaks the schema', async () => {
    await create({ source_id: 'up-2' });
    const res = await send('PUT', '/up-2', { birthdate: 'yesterday' });
    expect(res.status).toBe(400);
  });
});

describe('deleteCustomerPermanently', () => {
  it('erases the customer with its activities, consents and segment memberships', async () => {
    const doomed = await create({ source_id: 'gone-1', name: 'Gone' });
    const kept = await create({ source_id: 'kept-1' });
    await send('PUT', '/gone-1', { name: 'Still gone' });
    await send('PUT', '/gone-1/consents', { cnst_news: true });
    seedSegments([
      { id: 'seg_a', name: 'A', customer_ids: [doomed.body.id, kept.body.id] },
      { id: 'seg_b', name: 'B', customer_ids: [doomed.body.id] },
      { id: 'seg_c', name: 'C', customer_ids: [kept.body.id] },
    ]);

    const res = await send('POST', '/gone-1/permanent-deletion');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      related_object_id: doomed.body.id,
      related_object: 'customer',
      status: 'DONE',
      object: 'pernament_deletion',
      data_json: {
        events: 0,
        customer_events: 2,
        daily_events: 0,
        segments: 2,
        orders: 0,
        order_events: 0,
        customer: 1,
      },
    });
    expect(res.body.id).toMatch(/^del_[A-Za-z0-9]{24}$/);
    expect(Date.parse(res.body.created_at)).not.toBeNaN();

    const state = mock.server.state;
    expect(state.customers.has(doomed.body.id)).toBe(false);
    expect(state.activities.has(doomed.body.id)).toBe(false);
    expect(state.consents.has(doomed.body.id)).toBe(false);
    expect([...(state.segments.get('seg_a')?.customerIds ?? [])]).toEqual([kept.body.id]);
    expect(state.segments.get('seg_b')?.customerIds).toEqual([]);
    expect(activityTypes(kept.body.id)).toEqual(['customer.created']);
    expect((await get('gone-1')).status).toBe(404);
    const again = await send('POST', '/gone-1/permanent-deletion');
    expect(again.status).toBe(404);
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await send('POST', '/cust_nobody/permanent-deletion');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ resource_type: 'customer', resource_id: 'cust_nobody' });
  });
});
