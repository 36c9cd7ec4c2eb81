import { beforeEach, describe, expect, it } from 'vitest';
import { mockEnterpriseId } from '../src/mews-connector/voucher-codes.js';
import { mewsTokens, useMock } from './helpers.js';

const mock = useMock();

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

const add = '/api/connector/v1/voucherCodes/add';
const remove = '/api/connector/v1/voucherCodes/delete';
const voucherC = '33333333-3333-4333-8333-333333333333';

describe('addVoucherCodes and deleteVoucherCodes', () => {
  const addCodes = (parameters: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    mock.call('POST', add, { body: { ...mewsTokens, VoucherCodeParameters: parameters, ...extra } });

  it('adds codes that getAll then lists, active and with their validity', async () => {
    const res = await addCodes([
      {
        VoucherId: voucherC,
        Value: 'SPRING-1',
        ValidityStartUtc: '2025-03-01T00:00:00Z',
        ValidityEndUtc: '2025-05-31T00:00:00Z',
      },
      { VoucherId: voucherC, Value: 'SPRING-2' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.VoucherCodes).toHaveLength(2);
    expect(res.body.VoucherCodes[0]).toMatchObject({
      VoucherId: voucherC,
      Value: 'SPRING-1',
      ValidityStartUtc: '2025-03-01T00:00:00Z',
      IsActive: true,
      ActivityState: 'Active',
    });
    expect(res.body.VoucherCodes[1].ValidityStartUtc).toBeNull();
    expect(values((await list({ VoucherIds: [voucherC] })).body).sort()).toEqual(['SPRING-1', 'SPRING-2']);
  });

  it('adds nothing when one code is invalid or already taken', async () => {
    await addCodes([{ VoucherId: voucherC, Value: 'TAKEN' }]);
    const duplicate = await addCodes([
      { VoucherId: voucherC, Value: 'NEW' },
      { VoucherId: voucherC, Value: 'TAKEN' },
    ]);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.Message).toContain('already has the code TAKEN');
    const reversed = await addCodes([
      {
        VoucherId: voucherC,
        Value: 'LATER',
        ValidityStartUtc: '2025-05-01T00:00:00Z',
        ValidityEndUtc: '2025-04-01T00:00:00Z',
      },
    ]);
    expect(reversed.status).toBe(400);
    expect(values((await list({ VoucherIds: [voucherC] })).body)).toEqual(['TAKEN']);
  });

  it('enforces the documented limits through the spec: 1000 codes, 128 characters', async () => {
    const tooLong = await addCodes([{ VoucherId: voucherC, Value: 'x'.repeat(129) }]);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.Message).toBe(
      'body.VoucherCodeParameters[0].Value must NOT have more than 128 characters',
    );
    const tooMany = await addCodes(
      Array.from({ length: 1001 }, (_, i) => ({ VoucherId: voucherC, Value: `C${i}` })),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.Message).toBe('body.VoucherCodeParameters must NOT have more than 1000 items');
  });

  it('deletes codes by marking them Deleted, and refuses unknown ones', async () => {
    const created = (await addCodes([{ VoucherId: voucherC, Value: 'GONE' }])).body.VoucherCodes[0];
    const unknown = await mock.call('POST', remove, {
      body: { ...mewsTokens, VoucherCodeIds: [created.Id, '44444444-4444-4444-8444-444444444444'] },
    });
    expect(unknown.status).toBe(404);
    expect((await list({ VoucherIds: [voucherC] })).body.VoucherCodes[0]).toMatchObject({ IsActive: true });
    const deleted = await mock.call('POST', remove, {
      body: { ...mewsTokens, VoucherCodeIds: [created.Id] },
    });
    expect(deleted).toMatchObject({ status: 200, body: {} });
    expect((await list({ VoucherIds: [voucherC] })).body.VoucherCodes[0]).toMatchObject({
      Id: created.Id,
      IsActive: false,
      ActivityState: 'Deleted',
    });
    // Its value is free again.
    expect((await addCodes([{ VoucherId: voucherC, Value: 'GONE' }])).status).toBe(200);
  });

  it('answers deletion with 204 when asked for a minimal response', async () => {
    const created = (await addCodes([{ VoucherId: voucherC, Value: 'QUIET' }])).body.VoucherCodes[0];
    const res = await mock.call('POST', remove, {
      headers: { Prefer: 'return=minimal' },
      body: { ...mewsTokens, VoucherCodeIds: [created.Id] },
    });
    expect(res.status).toBe(204);
  });
});
