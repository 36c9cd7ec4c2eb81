import { describe, expect, it } from 'vitest';
import { appKeys, schemaErrors, useMock } from './helpers.js';

const mock = useMock();

const create = (body: unknown) => mock.call('POST', '/v1/customers', { headers: appKeys, body });
const get = (id: string) => mock.call('GET', `/v1/customers/${id}`, { headers: appKeys });
const list = (query = '') => mock.call('GET', `/v1/customers${query}`, { headers: appKeys });
const activityTypes = (customerId: string) =>
  mock.server.state.activities.findAll('customer', customerId).map(({ activity }) => activity.type);
const sourceIds = (res: { body: { customers: { source_id?: string }[] } }) =>
  res.body.customers.map((customer) => customer.source_id);

/** Creates a customer and backdates it, so that lists have a known order. */
async function createAt(createdAt: string, body: Record<string, unknown>) {
  const res = await create(body);
  const stored = mock.server.state.customers.get(res.body.id);
  if (!stored) throw new Error('not stored');
  const dated = { ...stored, created_at: createdAt, updated_at: createdAt };
  mock.server.state.customers.set(dated.id as string, dated);
  return dated;
}

/** Segments holding the given customers, seeded the way the admin endpoint takes them. */
function seedSegments(segments: { id: string; name: string; customer_ids: string[] }[]) {
  mock.server.seed({ voucherify: { segments: segments.map((s) => ({ ...s, object: 'segment' })) } });
}

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

describe('customer activity', () => {
  it('records created, updated and deleted with the customer as it was then', async () => {
    const created = await create({ source_id: 'act-1', name: 'Ada' });
    await create({ source_id: 'act-1', name: 'Ada L.' });
    await mock.call('PUT', '/v1/customers/act-1', { headers: appKeys, body: { email: 'ada@example.com' } });
    await mock.call('DELETE', '/v1/customers/act-1', { headers: appKeys });
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
    const res = await mock.call('PUT', '/v1/customers/up-1', {
      headers: appKeys,
      body: { phone: '+33 1 23', address: { city: 'Lyon' }, metadata: { tier: 'gold' } },
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
    const res = await mock.call('PUT', '/v1/customers/nobody', { headers: appKeys, body: { name: 'X' } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ key: 'not_found', resource_type: 'customer', resource_id: 'nobody' });
  });

  it('rejects a body that breaks the schema', async () => {
    await create({ source_id: 'up-2' });
    const res = await mock.call('PUT', '/v1/customers/up-2', {
      headers: appKeys,
      body: { birthdate: 'yesterday' },
    });
    expect(res.status).toBe(400);
  });
});

describe('listCustomers', () => {
  async function threeCustomers() {
    const a = await createAt('2024-01-01T00:00:00.000Z', {
      source_id: 'c-a',
      name: 'Ann',
      email: 'ann@example.com',
      address: { city: 'Oslo' },
    });
    const b = await createAt('2024-02-01T00:00:00.000Z', {
      source_id: 'c-c',
      name: 'Ben',
      email: 'ben@example.com',
      address: { city: 'Rome' },
    });
    const c = await createAt('2024-03-01T00:00:00.000Z', {
      source_id: 'c-b',
      name: 'Cat',
      email: 'cat@example.com',
      address: { city: 'Oslo' },
    });
    return { a, b, c };
  }

  it('lists newest first with the total and has_more', async () => {
    await threeCustomers();
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'customers', total: 3, has_more: false });
    expect(sourceIds(res)).toEqual(['c-b', 'c-c', 'c-a']);
  });

  it('answers an empty list when there are no customers', async () => {
    const res = await list();
    expect(res.body).toEqual({
      object: 'list',
      data_ref: 'customers',
      customers: [],
      total: 0,
      has_more: false,
    });
  });

  it('pages with limit and page', async () => {
    await threeCustomers();
    const first = await list('?limit=2');
    expect(sourceIds(first)).toEqual(['c-b', 'c-c']);
    expect(first.body).toMatchObject({ total: 3, has_more: true });
    const second = await list('?limit=2&page=2');
    expect(sourceIds(second)).toEqual(['c-a']);
    expect(second.body).toMatchObject({ total: 3, has_more: false });
    const beyond = await list('?limit=2&page=3');
    expect(beyond.body).toMatchObject({ customers: [], total: 3, has_more: false });
  });

  it('returns 10 per page by default', async () => {
    for (let i = 0; i < 12; i++) await create({ source_id: `many-${i}` });
    const res = await list();
    expect(res.body.customers).toHaveLength(10);
    expect(res.body).toMatchObject({ total: 12, has_more: true });
    expect((await list('?page=2')).body.customers).toHaveLength(2);
  });

  it('rejects limit and page outside their ranges', async () => {
    expect((await list('?limit=0')).status).toBe(400);
    expect((await list('?limit=101')).status).toBe(400);
    expect((await list('?page=100')).status).toBe(400);
    expect((await list('?order=name')).status).toBe(400);
  });

  it('orders by created_at, updated_at and source_id in both directions', async () => {
    const { a } = await threeCustomers();
    mock.server.state.customers.set(a.id as string, { ...a, updated_at: '2024-04-01T00:00:00.000Z' });
    expect(sourceIds(await list('?order=created_at'))).toEqual(['c-a', 'c-c', 'c-b']);
    expect(sourceIds(await list('?order=-created_at'))).toEqual(['c-b', 'c-c', 'c-a']);
    expect(sourceIds(await list('?order=updated_at'))).toEqual(['c-c', 'c-b', 'c-a']);
    expect(sourceIds(await list('?order=-updated_at'))).toEqual(['c-a', 'c-b', 'c-c']);
    expect(sourceIds(await list('?order=source_id'))).toEqual(['c-a', 'c-b', 'c-c']);
    expect(sourceIds(await list('?order=-source_id'))).toEqual(['c-c', 'c-b', 'c-a']);
  });

  it('filters by email, name and city', async () => {
    await threeCustomers();
    expect(sourceIds(await list('?email=ben@example.com'))).toEqual(['c-c']);
    expect(sourceIds(await list('?name=Cat'))).toEqual(['c-b']);
    const oslo = await list('?city=Oslo');
    expect(sourceIds(oslo)).toEqual(['c-b', 'c-a']);
    expect(oslo.body.total).toBe(2);
    expect(sourceIds(await list('?city=Oslo&name=Ann'))).toEqual(['c-a']);
    expect((await list('?email=nobody@example.com')).body).toMatchObject({ customers: [], total: 0 });
  });

  it('filters by segment membership', async () => {
    const { a, c } = await threeCustomers();
    seedSegments([
      { id: 'seg_vip', name: 'VIP', customer_ids: [a.id as string, c.id as string] },
      { id: 'seg_empty', name: 'Empty', customer_ids: [] },
    ]);
    expect(sourceIds(await list('?segment_id=seg_vip'))).toEqual(['c-b', 'c-a']);
    expect((await list('?segment_id=seg_empty')).body.total).toBe(0);
    expect((await list('?segment_id=seg_unknown')).body.total).toBe(0);
  });

  it('filters by created_at and updated_at bounds, which are exclusive', async () => {
    const { b } = await threeCustomers();
    mock.server.state.customers.set(b.id as string, { ...b, updated_at: '2024-05-01T00:00:00.000Z' });
    expect(sourceIds(await list('?created_at[after]=2024-01-01T00:00:00Z'))).toEqual(['c-b', 'c-c']);
    expect(sourceIds(await list('?created_at[before]=2024-03-01T00:00:00Z'))).toEqual(['c-c', 'c-a']);
    expect(
      sourceIds(
        await list('?created_at[after]=2024-01-15T00:00:00Z&created_at[before]=2024-02-15T00:00:00Z'),
      ),
    ).toEqual(['c-c']);
    expect(sourceIds(await list('?updated_at[after]=2024-04-01T00:00:00Z'))).toEqual(['c-c']);
    expect(sourceIds(await list('?updated_at[before]=2024-04-01T00:00:00Z'))).toEqual(['c-b', 'c-a']);
    expect((await list('?created_at[after]=yesterday')).status).toBe(400);
  });

  it('continues after the starting_after cursor in the list order', async () => {
    await threeCustomers();
    const first = await list('?limit=1');
    const cursor = first.body.customers[0].created_at;
    const next = await list(`?limit=1&starting_after=${cursor}`);
    expect(sourceIds(next)).toEqual(['c-c']);
    expect(next.body).toMatchObject({ total: 3, has_more: true });
    const last = await list(`?limit=1&starting_after=${next.body.customers[0].created_at}`);
    expect(sourceIds(last)).toEqual(['c-a']);
    expect(last.body.has_more).toBe(false);
    const oldestFirst = await list('?order=created_at&starting_after=2024-01-01T00:00:00.000Z');
    expect(sourceIds(oldestFirst)).toEqual(['c-c', 'c-b']);
  });

  it('reflects creation, update and deletion', async () => {
    await create({ source_id: 'life-1', name: 'Before' });
    expect(sourceIds(await list('?name=Before'))).toEqual(['life-1']);
    await mock.call('PUT', '/v1/customers/life-1', { headers: appKeys, body: { name: 'After' } });
    expect((await list('?name=Before')).body.total).toBe(0);
    expect(sourceIds(await list('?name=After'))).toEqual(['life-1']);
    await mock.call('DELETE', '/v1/customers/life-1', { headers: appKeys });
    expect((await list()).body.total).toBe(0);
  });
});

describe('deleteCustomerPermanently', () => {
  it('erases the customer with its activities, consents and segment memberships', async () => {
    const doomed = await create({ source_id: 'gone-1', name: 'Gone' });
    const kept = await create({ source_id: 'kept-1' });
    await mock.call('PUT', '/v1/customers/gone-1', { headers: appKeys, body: { name: 'Still gone' } });
    await mock.call('PUT', '/v1/customers/gone-1/consents', {
      headers: appKeys,
      body: { cnst_news: true },
    });
    seedSegments([
      { id: 'seg_a', name: 'A', customer_ids: [doomed.body.id, kept.body.id] },
      { id: 'seg_b', name: 'B', customer_ids: [doomed.body.id] },
      { id: 'seg_c', name: 'C', customer_ids: [kept.body.id] },
    ]);

    const res = await mock.call('POST', '/v1/customers/gone-1/permanent-deletion', { headers: appKeys });
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
    const again = await mock.call('POST', '/v1/customers/gone-1/permanent-deletion', { headers: appKeys });
    expect(again.status).toBe(404);
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await mock.call('POST', '/v1/customers/cust_nobody/permanent-deletion', { headers: appKeys });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ resource_type: 'customer', resource_id: 'cust_nobody' });
  });
});

describe('listCustomerSegments', () => {
  it('lists the segments that hold the customer, by id or source_id', async () => {
    const member = await create({ source_id: 'seg-member' });
    const other = await create({ source_id: 'seg-other' });
    seedSegments([
      { id: 'seg_1', name: 'Newsletter', customer_ids: [member.body.id] },
      { id: 'seg_2', name: 'London', customer_ids: [member.body.id, other.body.id] },
      { id: 'seg_3', name: 'Others', customer_ids: [other.body.id] },
    ]);
    const bySource = await mock.call('GET', '/v1/customers/seg-member/segments', { headers: appKeys });
    expect(bySource.status).toBe(200);
    expect(bySource.body).toEqual({
      object: 'list',
      data_ref: 'data',
      data: [
        { id: 'seg_1', name: 'Newsletter', object: 'segment' },
        { id: 'seg_2', name: 'London', object: 'segment' },
      ],
      total: 2,
    });
    const byId = await mock.call('GET', `/v1/customers/${member.body.id}/segments`, { headers: appKeys });
    expect(byId.body).toEqual(bySource.body);
  });

  it('answers an empty list, not a 404, for an unknown customer or one in no segment', async () => {
    await create({ source_id: 'lonely' });
    seedSegments([{ id: 'seg_1', name: 'Newsletter', customer_ids: [] }]);
    for (const id of ['lonely', 'cust_nobody']) {
      const res = await mock.call('GET', `/v1/customers/${id}/segments`, { headers: appKeys });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ data: [], total: 0 });
    }
  });
});

describe('updateCustomerConsents', () => {
  const consents = (customerId: string, body?: unknown) =>
    mock.call('PUT', `/v1/customers/${customerId}/consents`, { headers: appKeys, body });

  it('records consents given and withdrawn, merged with earlier ones', async () => {
    const customer = await create({ source_id: 'cons-1' });
    const res = await consents('cons-1', { cnst_news: true, cnst_sms: false });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    await consents(customer.body.id, { cnst_sms: true, cnst_mail: true });
    expect(mock.server.state.consents.get(customer.body.id)).toEqual({
      cnst_news: true,
      cnst_sms: true,
      cnst_mail: true,
    });
  });

  it('withdraws every consent on unsubscribed, until one is given again', async () => {
    const customer = await create({ source_id: 'cons-2' });
    await consents('cons-2', { cnst_news: true, cnst_sms: true });
    await consents('cons-2', { unsubscribed: true });
    expect(mock.server.state.consents.get(customer.body.id)).toEqual({
      cnst_news: false,
      cnst_sms: false,
      unsubscribed: true,
    });
    await consents('cons-2', { cnst_sms: true });
    expect(mock.server.state.consents.get(customer.body.id)).toEqual({
      cnst_news: false,
      cnst_sms: true,
      unsubscribed: false,
    });
  });

  it('accepts a request without a body and changes nothing', async () => {
    const customer = await create({ source_id: 'cons-3' });
    await consents('cons-3', { cnst_news: true });
    expect((await consents('cons-3')).status).toBe(204);
    expect(mock.server.state.consents.get(customer.body.id)).toEqual({ cnst_news: true });
  });

  it('answers 400, the only error documented, for an unknown customer', async () => {
    const res = await consents('cust_nobody', { cnst_news: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      key: 'invalid_payload',
      details: 'path.customerId cust_nobody names no customer',
    });
    expect(mock.server.state.consents.size).toBe(0);
  });

  it('answers 400 for a key that is no consent identifier, recording nothing', async () => {
    const customer = await create({ source_id: 'cons-4' });
    const res = await consents('cons-4', { cnst_news: true, marketing: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 400,
      key: 'invalid_consent',
      message: 'Invalid consent',
      details: 'Consent with id marketing does not exist.',
    });
    expect(mock.server.state.consents.has(customer.body.id)).toBe(false);
  });

  it('accepts only the application keys', async () => {
    await create({ source_id: 'cons-5' });
    const res = await mock.call('PUT', '/v1/customers/cons-5/consents', {
      headers: { Authorization: 'Bearer token' },
      body: { cnst_news: true },
    });
    expect(res.status).toBe(401);
  });
});
