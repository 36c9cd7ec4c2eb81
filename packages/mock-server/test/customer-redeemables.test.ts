import { beforeEach, describe, expect, it } from 'vitest';
import { storedCustomer as customer, storedHolder } from './fixtures/records.js';
import { appKeys, schemaErrors, useMock } from './helpers.js';

const mock = useMock();

/** A discount voucher of the Spring campaign, changed by `fields`; a field set to undefined is left out. */
const voucher = (id: string, fields: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries({
      id,
      code: id.replace('v_', '').toUpperCase(),
      type: 'DISCOUNT_VOUCHER',
      campaign: 'Spring',
      campaign_id: 'camp_spring',
      discount: { type: 'PERCENT', percent_off: 10 },
      active: true,
      is_referral_code: false,
      created_at: '2024-02-01T10:00:00.000Z',
      object: 'voucher',
      ...fields,
    }).filter(([, value]) => value !== undefined),
  );

beforeEach(() => {
  mock.server.reset();
  mock.server.seed({
    voucherify: {
      customers: [customer('cust_ada', 'crm-ada'), customer('cust_bob', 'crm-bob')],
      vouchers: [
        voucher('v_loyalty', {
          type: 'LOYALTY_CARD',
          campaign: 'Loyalty',
          campaign_id: 'camp_loyal',
          discount: undefined,
          loyalty_card: { points: 500, balance: 380 },
          holder_id: 'cust_ada',
        }),
        voucher('v_gift', {
          type: 'GIFT_VOUCHER',
          campaign: 'Gifts',
          campaign_id: 'camp_gift',
          discount: undefined,
          gift: { amount: 5000, balance: 0 },
          holder_id: 'cust_ada',
        }),
        voucher('v_off', { active: false, holder_id: 'cust_ada' }),
        voucher('v_later', { start_date: '2999-01-01T00:00:00.000Z', holder_id: 'cust_ada' }),
        voucher('v_past', { expiration_date: '2000-01-01T00:00:00.000Z', holder_id: 'cust_ada' }),
        voucher('v_used', { redemption: { quantity: 1, redeemed_quantity: 1 }, holder_id: 'cust_ada' }),
        voucher('v_solo', { campaign: undefined, campaign_id: undefined, holder_id: 'cust_ada' }),
        voucher('v_share', {
          campaign: 'Refer',
          campaign_id: 'camp_refer',
          is_referral_code: true,
          referrer_id: 'cust_ada',
        }),
        voucher('v_bobref', {
          campaign: 'Refer',
          campaign_id: 'camp_refer',
          is_referral_code: true,
          created_at: '2024-03-01T10:00:00.000Z',
          holder_id: 'cust_bob',
        }),
      ],
      referralHolders: [
        storedHolder(
          'rh_referee00000000000000001',
          'v_bobref',
          'cust_ada',
          'REFEREE',
          '2024-04-01T10:00:00.000Z',
        ),
      ],
    },
  });
});

interface Item {
  id: string;
  redeemable_id: string;
  holder_role: string;
  redeemable: { status: string };
}
const get = (path: string) => mock.call('GET', path, { headers: appKeys });
const byVoucher = (body: { data: Item[] }) => Object.fromEntries(body.data.map((r) => [r.redeemable_id, r]));
const list = async (query = '') => (await get(`/v1/customers/cust_ada/redeemables?limit=100${query}`)).body;

describe('listCustomerRedeemables', () => {
  it('derives what the customer owns, refers with and was referred by, with campaign and voucher type', async () => {
    const res = await get('/v1/customers/crm-ada/redeemables?limit=100');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'data', total: 9, has_more: false });
    const items = byVoucher(res.body);
    expect(Object.keys(items).sort()).toEqual(
      ['v_bobref', 'v_gift', 'v_later', 'v_loyalty', 'v_off', 'v_past', 'v_share', 'v_solo', 'v_used'].sort(),
    );
    expect(items.v_loyalty).toMatchObject({
      created_at: '2024-02-01T10:00:00.000Z',
      redeemable_object: 'voucher',
      customer_id: 'cust_ada',
      holder_role: 'OWNER',
      campaign_id: 'camp_loyal',
      campaign_type: 'LOYALTY_PROGRAM',
      voucher_type: 'LOYALTY_CARD',
      redeemable: { type: 'voucher', status: 'ACTIVE', voucher: { id: 'v_loyalty', code: 'LOYALTY' } },
    });
    expect(items.v_gift).toMatchObject({ campaign_type: 'GIFT_VOUCHERS', voucher_type: 'GIFT_VOUCHER' });
    expect(items.v_solo).toMatchObject({ campaign_id: null, campaign_type: null });
    expect(items.v_share).toMatchObject({ holder_role: 'REFERRER', campaign_type: 'REFERRAL_PROGRAM' });
    // A referee assignment is the holder record itself.
    expect(items.v_bobref).toMatchObject({
      id: 'rh_referee00000000000000001',
      created_at: '2024-04-01T10:00:00.000Z',
      holder_role: 'REFEREE',
      campaign_id: 'camp_refer',
    });
    for (const item of res.body.data) {
      expect(item.id).toMatch(/^rh_[A-Za-z0-9]{24}$/);
      expect(schemaErrors('voucherify', 'CustomerRedeemable', item)).toBeUndefined();
    }
  });

  it('says whether each redeemable can be used now, or why not', async () => {
    const status = Object.fromEntries(
      Object.entries(byVoucher(await list())).map(([id, r]) => [id, r.redeemable.status]),
    );
    expect(status).toMatchObject({
      v_loyalty: 'ACTIVE',
      v_gift: 'NO_BALANCE',
      v_off: 'DISABLED',
      v_later: 'NOT_ACTIVE_YET',
      v_past: 'EXPIRED',
      v_used: 'USED',
      v_solo: 'ACTIVE',
    });
  });

  it('keeps assignment ids stable between calls and sorts by them', async () => {
    const first = (await list()).data.map((r: Item) => r.id);
    const again = (await list()).data.map((r: Item) => r.id);
    expect(again).toEqual(first);
    expect(first).toEqual([...first].sort());
    const descending = (await list('&order=-id')).data.map((r: Item) => r.id);
    expect(descending).toEqual([...first].reverse());
  });

  it('pages with limit and the starting_after_id cursor', async () => {
    const all = (await list()).data.map((r: Item) => r.id);
    const first = (await get('/v1/customers/cust_ada/redeemables?limit=4')).body;
    expect(first.data.map((r: Item) => r.id)).toEqual(all.slice(0, 4));
    expect(first).toMatchObject({ total: 9, has_more: true, more_starting_after: all[3] });
    const second = (
      await get(`/v1/customers/cust_ada/redeemables?limit=4&starting_after_id=${first.more_starting_after}`)
    ).body;
    expect(second.data.map((r: Item) => r.id)).toEqual(all.slice(4, 8));
    const last = (
      await get(`/v1/customers/cust_ada/redeemables?limit=4&starting_after_id=${second.more_starting_after}`)
    ).body;
    expect(last.data.map((r: Item) => r.id)).toEqual(all.slice(8));
    expect(last.has_more).toBe(false);
    expect(last).not.toHaveProperty('more_starting_after');
  });

  it('applies the limit of 10 by default', async () => {
    mock.server.seed({
      voucherify: {
        vouchers: Array.from({ length: 3 }, (_, n) => voucher(`v_extra${n}`, { holder_id: 'cust_ada' })),
      },
    });
    const res = await get('/v1/customers/cust_ada/redeemables');
    expect(res.body.data).toHaveLength(10);
    expect(res.body).toMatchObject({ total: 12, has_more: true });
  });

  it('narrows with filters on role, types, campaign and date, joined by and or or', async () => {
    const ids = (body: { data: Item[] }) => body.data.map((r) => r.redeemable_id).sort();
    expect(ids(await list('&filters[holder_role][conditions][$is]=REFERRER'))).toEqual(['v_share']);
    expect(
      ids(
        await list(
          '&filters[voucher_type][conditions][$in][0]=GIFT_VOUCHER&filters[voucher_type][conditions][$in][1]=LOYALTY_CARD',
        ),
      ),
    ).toEqual(['v_gift', 'v_loyalty']);
    expect(ids(await list('&filters[campaign_id][conditions][$is_unknown]='))).toEqual(['v_solo']);
    expect(ids(await list('&filters[campaign_type][conditions][$is]=REFERRAL_PROGRAM'))).toEqual([
      'v_bobref',
      'v_share',
    ]);
    expect(ids(await list('&filters[created_at][conditions][$after]=2024-03-15T00:00:00.000Z'))).toEqual([
      'v_bobref',
    ]);
    const either = await list(
      '&filters[junction]=or&filters[holder_role][conditions][$is]=REFEREE&filters[redeemable_id][conditions][$is]=v_gift',
    );
    expect(ids(either)).toEqual(['v_bobref', 'v_gift']);
    expect(either.total).toBe(2);
  });

  it('follows the holders state: a referee removed is no longer listed', async () => {
    mock.server.state.referralHolders.delete('rh_referee00000000000000001');
    expect(byVoucher(await list())).not.toHaveProperty('v_bobref');
  });
});
