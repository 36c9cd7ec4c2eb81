import { describe, expect, it } from 'vitest';
import { customerCalls } from './fixtures/customers.js';
import { useMock } from './helpers.js';

const mock = useMock();
const { send, create, list, createAt, seedSegments } = customerCalls(mock);
const sourceIds = (res: { body: { customers: { source_id?: string }[] } }) =>
  res.body.customers.map((customer) => customer.source_id);

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
    await send('PUT', '/life-1', { name: 'After' });
    expect((await list('?name=Before')).body.total).toBe(0);
    expect(sourceIds(await list('?name=After'))).toEqual(['life-1']);
    await send('DELETE', '/life-1');
    expect((await list()).body.total).toBe(0);
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
    const bySource = await send('GET', '/seg-member/segments');
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
    const byId = await send('GET', `/${member.body.id}/segments`);
    expect(byId.body).toEqual(bySource.body);
  });

  it('answers an empty list, not a 404, for an unknown customer or one in no segment', async () => {
    await create({ source_id: 'lonely' });
    seedSegments([{ id: 'seg_1', name: 'Newsletter', customer_ids: [] }]);
    for (const id of ['lonely', 'cust_nobody']) {
      const res = await send('GET', `/${id}/segments`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ data: [], total: 0 });
    }
  });
});
