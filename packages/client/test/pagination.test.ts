import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createMewsConnectorClient, createVoucherifyClient } from '../src/index.js';
import { startRecordingServer } from './recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(() => server?.close());

const query = (url: string) => new URL(url, 'http://x').searchParams;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('paginate()', () => {
  it('walks numbered pages of customers until has_more is false', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: `cust_${i}`, object: 'customer' }));
    server = await startRecordingServer((request) => {
      const page = Number(query(request.url).get('page'));
      const limit = Number(query(request.url).get('limit'));
      const customers = all.slice((page - 1) * limit, page * limit);
      return {
        status: 200,
        body: { object: 'list', data_ref: 'customers', customers, total: 5, has_more: page * limit < 5 },
      };
    });
    const client = createVoucherifyClient({ baseUrl: server.url, appId: 'a', appToken: 't' });
    const customers = await collect(
      client.paginate('/v1/customers', { params: { query: { limit: 2, email: 'a@b.c' } } }),
    );
    expect(customers.map((c) => c.id)).toEqual(['cust_0', 'cust_1', 'cust_2', 'cust_3', 'cust_4']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/customers?limit=2&email=a%40b.c&page=1',
      '/v1/customers?limit=2&email=a%40b.c&page=2',
      '/v1/customers?limit=2&email=a%40b.c&page=3',
    ]);
  });

  it('stops at the last page the API serves and says so', async () => {
    server = await startRecordingServer([
      { status: 200, body: { customers: [{ id: 'c' }], has_more: true } },
    ]);
    const client = createVoucherifyClient({ baseUrl: server.url, appId: 'a', appToken: 't' });
    await expect(
      collect(client.paginate('/v1/customers', { params: { query: { limit: 1 } } })),
    ).rejects.toThrow('/v1/customers serves 99 pages at most; narrow the query');
    expect(server.requests).toHaveLength(99);
  });

  it('follows starting_after_id cursors', async () => {
    const pages: Record<string, { data: { id: string }[]; has_more: boolean; more_starting_after?: string }> =
      {
        '': { data: [{ id: 'rh_1' }, { id: 'rh_2' }], has_more: true, more_starting_after: 'rh_2' },
        rh_2: { data: [{ id: 'rh_3' }], has_more: false },
      };
    server = await startRecordingServer((request) => ({
      status: 200,
      body: {
        object: 'list',
        data_ref: 'data',
        total: 3,
        ...pages[query(request.url).get('starting_after_id') ?? ''],
      },
    }));
    const client = createVoucherifyClient({ baseUrl: server.url, appId: 'a', appToken: 't' });
    const holders = await collect(
      client.paginate('/v1/referrals/members/{memberId}/holders', {
        params: { path: { memberId: 'v_1' }, query: { limit: 2 } },
      }),
    );
    expect(holders.map((h) => h.id)).toEqual(['rh_1', 'rh_2', 'rh_3']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/referrals/members/v_1/holders?limit=2',
      '/v1/referrals/members/v_1/holders?limit=2&starting_after_id=rh_2',
    ]);
  });

  it('follows Mews Limitation cursors, with the credentials in every body', async () => {
    const code = (n: number) => ({ Id: `c${n}`, VoucherId: 'v', ActivityState: 'Active' });
    server = await startRecordingServer((request) => {
      const cursor = JSON.parse(request.body.toString()).Limitation.Cursor;
      return cursor === null
        ? { status: 200, body: { VoucherCodes: [code(1), code(2)], Cursor: 'c2' } }
        : { status: 200, body: { VoucherCodes: [code(3)], Cursor: 'c3' } };
    });
    const mews = createMewsConnectorClient({
      clientToken: 'ct',
      accessToken: 'at',
      client: 'x',
      environment: server.url,
    });
    const codes = await collect(
      mews.paginate('/api/connector/v1/voucherCodes/getAll', {
        body: { VoucherIds: ['v'], Limitation: { Count: 2 } },
      }),
    );
    expect(codes.map((c) => c.Id)).toEqual(['c1', 'c2', 'c3']);
    expect(server.requests.map((r) => JSON.parse(r.body.toString()))).toEqual([
      {
        ClientToken: 'ct',
        AccessToken: 'at',
        Client: 'x',
        VoucherIds: ['v'],
        Limitation: { Count: 2, Cursor: null },
      },
      {
        ClientToken: 'ct',
        AccessToken: 'at',
        Client: 'x',
        VoucherIds: ['v'],
        Limitation: { Count: 2, Cursor: 'c2' },
      },
    ]);
  });

  it('raises an ApiError when a page fails', async () => {
    server = await startRecordingServer([
      { status: 404, body: { code: 404, message: 'Resource not found' } },
    ]);
    const client = createVoucherifyClient({ baseUrl: server.url, appId: 'a', appToken: 't' });
    await expect(
      collect(
        client.paginate('/v1/customers/{customerId}/redeemables', { params: { path: { customerId: 'x' } } }),
      ),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it('refuses a path that does not page', async () => {
    server = await startRecordingServer([]);
    const client = createVoucherifyClient({ baseUrl: server.url, appId: 'a', appToken: 't' });
    // @ts-expect-error: getCustomer is not a list
    await expect(collect(client.paginate('/v1/customers/{customerId}'))).rejects.toThrow(
      'is not a paged list',
    );
  });
});
