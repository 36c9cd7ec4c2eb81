import { beforeEach, describe, expect, it } from 'vitest';
import { holder, referralCalls, seedReferrals } from './fixtures/referrals.js';
import { useMock } from './helpers.js';

const mock = useMock();
beforeEach(() => seedReferrals(mock));
const { send, add, activitiesOf } = referralCalls(mock);

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
