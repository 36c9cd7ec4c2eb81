import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockEnterpriseId } from '../src/resources/voucher-codes.js';
import { mewsTokens, startMock } from './helpers.js';

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.server.close());

const getAll = '/api/connector/v1/voucherCodes/getAll';
const voucherA = '11111111-1111-4111-8111-111111111111';
const voucherB = '22222222-2222-4222-8222-222222222222';
const otherEnterprise = '99999999-9999-4999-8999-999999999999';

function code(n: number, voucherId: string, updated: string) {
  return {
    Id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    VoucherId: voucherId,
    Value: `CODE-${n}`,
    ValidityStartUtc: null,
    ValidityEndUtc: null,
    CreatedUtc: `2024-01-${String(n).padStart(2, '0')}T10:00:00Z`,
    UpdatedUtc: updated,
    IsActive: true,
    ActivityState: 'Active',
  };
}

beforeEach(() => {
  mock.server.reset();
  mock.server.seed({
    'mews-connector': {
      voucherCodes: [
        code(1, voucherA, '2024-02-01T00:00:00Z'),
        code(2, voucherA, '2024-02-05T00:00:00Z'),
        code(3, voucherA, '2024-03-01T00:00:00Z'),
        code(4, voucherB, '2024-02-01T00:00:00Z'),
        { ...code(5, voucherA, '2024-02-01T00:00:00Z'), EnterpriseId: otherEnterprise },
      ],
    },
  });
});

const list = (filter: Record<string, unknown>, headers: Record<string, string> = {}) =>
  mock.call('POST', getAll, { headers, body: { ...mewsTokens, Limitation: { Count: 100 }, ...filter } });
const values = (body: { VoucherCodes: { Value: string }[] }) => body.VoucherCodes.map((c) => c.Value);

describe('getAllVoucherCodes', () => {
  it("returns the codes of the given vouchers within the token's enterprise, oldest first", async () => {
    const res = await list({ VoucherIds: [voucherA] });
    expect(res.status).toBe(200);
    expect(values(res.body)).toEqual(['CODE-1', 'CODE-2', 'CODE-3']);
    expect(res.headers.get('request-id')).toBeTruthy();
  });

  it('narrows by enterprise, code ids and last-update interval', async () => {
    expect(values((await list({ VoucherIds: [voucherA], EnterpriseIds: [otherEnterprise] })).body)).toEqual([
      'CODE-5',
    ]);
    expect(
      values(
        (await list({ VoucherIds: [voucherA, voucherB], EnterpriseIds: [mockEnterpriseId, otherEnterprise] }))
          .body,
      ),
    ).toHaveLength(5);
    const ids = [code(2, voucherA, '').Id, code(4, voucherB, '').Id];
    expect(values((await list({ VoucherIds: [voucherA], VoucherCodeIds: ids })).body)).toEqual(['CODE-2']);
    const window = { StartUtc: '2024-02-01T00:00:00Z', EndUtc: '2024-02-10T00:00:00Z' };
    expect(values((await list({ VoucherIds: [voucherA], UpdatedUtc: window })).body)).toEqual([
      'CODE-1',
      'CODE-2',
    ]);
  });

  it('pages with Limitation.Count and the returned Cursor', async () => {
    const first = await list({ VoucherIds: [voucherA], Limitation: { Count: 2 } });
    expect(values(first.body)).toEqual(['CODE-1', 'CODE-2']);
    const second = await list({
      VoucherIds: [voucherA],
      Limitation: { Count: 2, Cursor: first.body.Cursor },
    });
    expect(values(second.body)).toEqual(['CODE-3']);
    const third = await list({
      VoucherIds: [voucherA],
      Limitation: { Count: 2, Cursor: second.body.Cursor },
    });
    expect(third.body).toEqual({ VoucherCodes: [], Cursor: null });
  });

  it('rejects an unknown cursor and intervals that are reversed or longer than three months', async () => {
    const cursor = await list({ VoucherIds: [voucherA], Limitation: { Count: 2, Cursor: 'nope' } });
    expect(cursor.status).toBe(400);
    const reversed = await list({
      VoucherIds: [voucherA],
      UpdatedUtc: { StartUtc: '2024-02-01T00:00:00Z', EndUtc: '2024-01-01T00:00:00Z' },
    });
    expect(reversed.body.Message).toBe('Invalid UpdatedUtc: EndUtc is before StartUtc.');
    const long = await list({
      VoucherIds: [voucherA],
      UpdatedUtc: { StartUtc: '2024-01-01T00:00:00Z', EndUtc: '2024-06-01T00:00:00Z' },
    });
    expect(long.body.Message).toBe('Invalid UpdatedUtc: the interval may span at most 3 months.');
  });

  it('answers 204 without a body when asked for a minimal response', async () => {
    const res = await list({ VoucherIds: [voucherA] }, { Prefer: 'return=minimal' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(res.headers.get('request-id')).toBeTruthy();
  });
});
