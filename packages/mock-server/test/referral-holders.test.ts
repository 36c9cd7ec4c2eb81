import { beforeEach, describe, expect, it } from 'vitest';
import { appKeys, useMock } from './helpers.js';

const mock = useMock();

const customer = (id: string, sourceId: string) => ({
  id,
  source_id: sourceId,
  name: sourceId,
  summary: null,
  loyalty: null,
  referrals: null,
  created_at: '2024-01-01T09:00:00.000Z',
  object: 'customer',
});

const referralCode = (id: string, code: string, fields: Record<string, unknown> = {}) => ({
  id,
  code,
  type: 'DISCOUNT_VOUCHER',
  campaign: 'Refer a friend',
  campaign_id: 'camp_refer',
  discount: { type: 'AMOUNT', amount_off: 1000 },
  is_referral_code: true,
  active: true,
  created_at: '2024-01-10T09:00:00.000Z',
  object: 'voucher',
  ...fields,
});

/** A holder record of `v_alice`, as seeded. */
const holder = (id: string, customerId: string, role: string, created_at: string) => ({
  id,
  created_at,
  redeemable_id: 'v_alice',
  redeemable_object: 'voucher',
  customer_id: customerId,
  holder_role: role,
  campaign_id: 'camp_refer',
  campaign_type: 'REFERRAL_PROGRAM',
  voucher_type: 'DISCOUNT_VOUCHER',
  metadata: {},
  object: 'redeemable_holder',
});

beforeEach(() => {
  mock.server.reset();
  mock.server.seed({
    voucherify: {
      customers: [
        customer('cust_alice', 'alice'),
        customer('cust_bob', 'bob'),
        customer('cust_carol', 'carol'),
        customer('cust_dan', 'dan'),
      ],
      vouchers: [
        referralCode('v_alice', 'REF-ALICE', { holder_id: 'cust_alice' }),
        referralCode('v_carol', 'REF-CAROL', { referrer_id: 'cust_carol' }),
        referralCode('v_other', 'REF-OTHER', { campaign_id: 'camp_other', campaign: 'Other' }),
        { ...referralCode('v_plain', 'PLAIN-10'), is_referral_code: false },
      ],
    },
  });
});

const send = (method: string, path: string, body?: unknown) =>
  mock.call(method, path, { headers: appKeys, body });
const add = (member: string, body: unknown) => send('POST', `/v1/referrals/members/${member}/holders`, body);
const listOf = (member: string, query = '') => send('GET', `/v1/referrals/members/${member}/holders${query}`);
/** A customer's activities of one type (the list's `type` parameter does not accept the holder events). */
async function activitiesOf(customer: string, type: string) {
  const res = await send('GET', `/v1/customers/${customer}/activity?limit=100`);
  return (res.body.data as { type: string; data: { data: { holder: unknown } } }[]).filter(
    (a) => a.type === type,
  );
}
const holderIds = (body: { data: { id: string }[] }) => body.data.map((h) => h.id);

function seedHolders() {
  mock.server.seed({
    voucherify: {
      referralHolders: [
        holder('rh_00000000000000000000000a', 'cust_alice', 'REFERRER', '2024-01-10T09:00:00.000Z'),
        holder('rh_00000000000000000000000b', 'cust_bob', 'REFEREE', '2024-02-01T09:00:00.000Z'),
        holder('rh_00000000000000000000000c', 'cust_dan', 'REFEREE', '2024-03-01T09:00:00.000Z'),
        {
          ...holder('rh_00000000000000000000000d', 'cust_bob', 'REFEREE', '2024-03-05T09:00:00.000Z'),
          redeemable_id: 'v_carol',
        },
      ],
    },
  });
}

describe('addReferralCodeHolders', () => {
  it('adds referees by code text, upserting each customer, in the order sent', async () => {
    // Whole seconds: the timestamp may be truncated.
    const before = Math.floor(Date.now() / 1000) * 1000;
    const res = await add('REF-ALICE', {
      holders: [
        { source_id: 'erin', name: 'Erin', email: 'erin@example.com' },
        { source_id: 'bob', name: 'Robert' },
      ],
      metadata: { influencer: true },
    });
    expect(res.status).toBe(200);
    const [erin, bob] = res.body.holders;
    const erinCustomer = [...mock.server.state.customers.values()].find((c) => c.source_id === 'erin');
    expect(erinCustomer).toMatchObject({ name: 'Erin', email: 'erin@example.com' });
    expect(erin).toMatchObject({
      redeemable_id: 'v_alice',
      redeemable_object: 'voucher',
      customer_id: erinCustomer?.id,
      holder_role: 'REFEREE',
      campaign_id: 'camp_refer',
      campaign_type: 'REFERRAL_PROGRAM',
      voucher_type: 'DISCOUNT_VOUCHER',
      metadata: { influencer: true },
      object: 'redeemable_holder',
    });
    expect(erin.id).toMatch(/^rh_[A-Za-z0-9]{24}$/);
    expect(Date.parse(erin.created_at)).toBeGreaterThanOrEqual(before);
    expect(bob).toMatchObject({ customer_id: 'cust_bob', holder_role: 'REFEREE' });
    expect(mock.server.state.customers.get('cust_bob')?.name).toBe('Robert');
    expect(mock.server.state.referralHolders.size).toBe(2);
  });

  it('adds by voucher id within the campaign, and the holder shows among the customer redeemables', async () => {
    const res = await send('POST', '/v1/referrals/camp_refer/members/v_alice/holders', {
      holders: [{ id: 'cust_dan' }],
    });
    expect(res.status).toBe(200);
    const [dan] = res.body.holders;
    expect(dan).toMatchObject({ customer_id: 'cust_dan', redeemable_id: 'v_alice', metadata: {} });
    const redeemables = await send('GET', '/v1/customers/dan/redeemables');
    expect(redeemables.body.data).toEqual([
      expect.objectContaining({ id: dan.id, holder_role: 'REFEREE', redeemable_id: 'v_alice' }),
    ]);
  });

  it("records the assignment in each referee's activity", async () => {
    const res = await add('REF-ALICE', { holders: [{ source_id: 'bob' }] });
    const assignments = await activitiesOf('bob', 'customer.holder.assignment.created');
    expect(assignments).toHaveLength(1);
    expect(assignments[0]?.data).toMatchObject({
      data: {
        holder: res.body.holders[0],
        voucher: { id: 'v_alice', code: 'REF-ALICE', campaign_id: 'camp_refer', holder_id: 'cust_alice' },
        campaign: { id: 'camp_refer', name: 'Refer a friend', campaign_type: 'REFERRAL_PROGRAM' },
        customer: { id: 'cust_bob', source_id: 'bob' },
      },
      event_source: { channel: 'API' },
    });
  });

  it('answers 409 for a customer who already holds the code, saving nothing', async () => {
    await add('REF-ALICE', { holders: [{ source_id: 'bob' }] });
    const customers = mock.server.state.customers.size;
    const res = await add('REF-ALICE', { holders: [{ source_id: 'frank' }, { id: 'cust_bob' }] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ key: 'duplicate_found' });
    expect(res.body.details).toBe('holders[1]: customer cust_bob already holds REF-ALICE');
    expect(mock.server.state.customers.size).toBe(customers);
    expect(mock.server.state.referralHolders.size).toBe(1);
  });

  it('answers 409 for the same customer sent twice', async () => {
    const twice = await add('REF-ALICE', { holders: [{ source_id: 'gina' }, { source_id: 'gina' }] });
    expect(twice.status).toBe(409);
    const sameCustomer = await add('REF-ALICE', { holders: [{ id: 'cust_bob' }, { source_id: 'bob' }] });
    expect(sameCustomer.status).toBe(409);
    expect(sameCustomer.body.details).toBe('holders[1]: customer cust_bob is sent twice');
    expect(mock.server.state.referralHolders.size).toBe(0);
  });

  it('answers 400 when the customer who shares the code is sent as its referee', async () => {
    const owner = await add('REF-ALICE', { holders: [{ source_id: 'erin' }, { source_id: 'alice' }] });
    expect(owner.status).toBe(400);
    expect(owner.body.details).toBe(
      'holders[1]: customer cust_alice refers others with REF-ALICE and cannot be its referee',
    );
    const referrer = await add('v_carol', { holders: [{ id: 'cust_carol' }] });
    expect(referrer.status).toBe(400);
    // A customer recorded as the code's referrer is refused too.
    mock.server.seed({
      voucherify: {
        referralHolders: [
          {
            ...holder('rh_00000000000000000000000e', 'cust_dan', 'REFERRER', '2024-01-10T09:00:00.000Z'),
            redeemable_id: 'v_other',
            campaign_id: 'camp_other',
          },
        ],
      },
    });
    const recorded = await add('REF-OTHER', { holders: [{ id: 'cust_dan' }] });
    expect(recorded.status).toBe(400);
    expect([...mock.server.state.customers.values()].some((c) => c.source_id === 'erin')).toBe(false);
  });

  it('answers 400 for an unknown customer id or an empty list', async () => {
    const unknown = await add('REF-ALICE', { holders: [{ id: 'cust_nobody' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toBe('holders[0].id cust_nobody does not name an existing customer');
    const empty = await add('REF-ALICE', { holders: [] });
    expect(empty.status).toBe(400);
  });

  it('answers 404 for an unknown code, a voucher that is no referral code, or a code of another campaign', async () => {
    for (const path of [
      '/v1/referrals/members/REF-NOBODY/holders',
      '/v1/referrals/members/PLAIN-10/holders',
      '/v1/referrals/camp_refer/members/REF-OTHER/holders',
      '/v1/referrals/camp_other/members/v_alice/holders',
    ]) {
      const res = await send('POST', path, { holders: [{ source_id: 'erin' }] });
      expect(res.status, path).toBe(404);
      expect(res.body).toMatchObject({ key: 'not_found', resource_type: 'voucher' });
    }
    expect(mock.server.state.customers.size).toBe(4);
  });
});

describe('listReferralCodeHolders', () => {
  beforeEach(seedHolders);

  it('lists the holders of the code by id, with the total', async () => {
    const res = await listOf('REF-ALICE');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'data', total: 3, has_more: false });
    expect(holderIds(res.body)).toEqual([
      'rh_00000000000000000000000a',
      'rh_00000000000000000000000b',
      'rh_00000000000000000000000c',
    ]);
    const descending = await listOf('v_alice', '?order=-id');
    expect(holderIds(descending.body)).toEqual([
      'rh_00000000000000000000000c',
      'rh_00000000000000000000000b',
      'rh_00000000000000000000000a',
    ]);
  });

  it('pages with limit and the starting_after_id cursor', async () => {
    const first = await listOf('REF-ALICE', '?limit=2');
    expect(holderIds(first.body)).toHaveLength(2);
    expect(first.body).toMatchObject({
      total: 3,
      has_more: true,
      more_starting_after: 'rh_00000000000000000000000b',
    });
    const next = await listOf('REF-ALICE', '?limit=2&starting_after_id=rh_00000000000000000000000b');
    expect(holderIds(next.body)).toEqual(['rh_00000000000000000000000c']);
    expect(next.body.has_more).toBe(false);
    expect(next.body).not.toHaveProperty('more_starting_after');
  });

  it('narrows with filters on role, customer, id and date', async () => {
    const referees = await listOf('REF-ALICE', '?filters[holder_role][conditions][$is]=REFEREE');
    expect(holderIds(referees.body)).toEqual(['rh_00000000000000000000000b', 'rh_00000000000000000000000c']);
    expect(referees.body.total).toBe(2);
    const customers = await listOf(
      'REF-ALICE',
      '?filters[customer_id][conditions][$in][0]=cust_alice&filters[customer_id][conditions][$in][1]=cust_dan',
    );
    expect(holderIds(customers.body)).toEqual(['rh_00000000000000000000000a', 'rh_00000000000000000000000c']);
    const recent = await listOf(
      'REF-ALICE',
      '?filters[created_at][conditions][$after]=2024-02-15T00:00:00.000Z',
    );
    expect(holderIds(recent.body)).toEqual(['rh_00000000000000000000000c']);
    const either = await listOf(
      'REF-ALICE',
      '?filters[junction]=or&filters[holder_role][conditions][$is]=REFERRER&filters[id][conditions][$ends_with]=c',
    );
    expect(holderIds(either.body)).toEqual(['rh_00000000000000000000000a', 'rh_00000000000000000000000c']);
  });

  it('lists within the campaign, and 404 for a code outside it or unknown', async () => {
    const res = await send('GET', '/v1/referrals/camp_refer/members/REF-CAROL/holders');
    expect(holderIds(res.body)).toEqual(['rh_00000000000000000000000d']);
    expect((await send('GET', '/v1/referrals/camp_other/members/REF-CAROL/holders')).status).toBe(404);
    expect((await listOf('REF-NOBODY')).status).toBe(404);
  });

  it('answers 400 for a cursor that names no holder of the code', async () => {
    const res = await listOf('REF-ALICE', '?starting_after_id=rh_00000000000000000000000d');
    expect(res.status).toBe(400);
  });
});

describe('removeReferralCodeHolder', () => {
  beforeEach(seedHolders);
  const remove = (member: string, holderId: string) =>
    send('DELETE', `/v1/referrals/members/${member}/holders/${holderId}`);

  it('removes a referee, keeping the customer, and logs the removal', async () => {
    const res = await remove('REF-ALICE', 'rh_00000000000000000000000b');
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(holderIds((await listOf('REF-ALICE')).body)).toEqual([
      'rh_00000000000000000000000a',
      'rh_00000000000000000000000c',
    ]);
    expect(mock.server.state.customers.has('cust_bob')).toBe(true);
    const removals = await activitiesOf('bob', 'customer.holder.assignment.deleted');
    expect(removals.map((a) => a.data.data.holder)).toEqual([
      expect.objectContaining({ id: 'rh_00000000000000000000000b' }),
    ]);
    expect((await remove('REF-ALICE', 'rh_00000000000000000000000b')).status).toBe(404);
  });

  it('answers 404 for an unknown holder or a holder of another code', async () => {
    const unknown = await remove('REF-ALICE', 'rh_unknown');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ resource_type: 'redeemable_holder', resource_id: 'rh_unknown' });
    expect((await remove('REF-ALICE', 'rh_00000000000000000000000d')).status).toBe(404);
    expect(mock.server.state.referralHolders.has('rh_00000000000000000000000d')).toBe(true);
  });

  it('answers 403 for the referrer: only referees can be removed', async () => {
    const res = await remove('REF-ALICE', 'rh_00000000000000000000000a');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ key: 'forbidden' });
    expect(mock.server.state.referralHolders.has('rh_00000000000000000000000a')).toBe(true);
  });

  it('removes within the campaign, and 404 for a code outside it', async () => {
    const path = (campaign: string) =>
      `/v1/referrals/${campaign}/members/v_carol/holders/rh_00000000000000000000000d`;
    expect((await send('DELETE', path('camp_other'))).status).toBe(404);
    expect((await send('DELETE', path('camp_refer'))).status).toBe(204);
    expect(mock.server.state.referralHolders.has('rh_00000000000000000000000d')).toBe(false);
  });

  it('keeps add, list and remove consistent', async () => {
    const added = await add('REF-CAROL', { holders: [{ source_id: 'dan' }] });
    const id = added.body.holders[0].id;
    const listed = await send(
      'GET',
      '/v1/referrals/camp_refer/members/REF-CAROL/holders?filters[customer_id][conditions][$is]=cust_dan',
    );
    expect(listed.body.data).toEqual([added.body.holders[0]]);
    expect((await remove('REF-CAROL', id)).status).toBe(204);
    expect((await listOf('REF-CAROL', '?filters[customer_id][conditions][$is]=cust_dan')).body.data).toEqual(
      [],
    );
    // Once removed, the customer can be added again.
    expect((await add('REF-CAROL', { holders: [{ source_id: 'dan' }] })).status).toBe(200);
  });
});
