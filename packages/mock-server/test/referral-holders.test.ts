import { beforeEach, describe, expect, it } from 'vitest';
import { referralCalls, seedReferrals } from './fixtures/referrals.js';
import { useMock } from './helpers.js';

const mock = useMock();
beforeEach(() => seedReferrals(mock));
const { send, add, listOf, activitiesOf, holderIds, seedHolders } = referralCalls(mock);

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
