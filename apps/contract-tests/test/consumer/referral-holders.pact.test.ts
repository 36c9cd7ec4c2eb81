import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import {
  invalidCredentialsInteraction,
  noContentInteraction,
  notFoundInteraction,
} from './shared-interactions.js';
import {
  appKeys,
  createPact,
  requestExample,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const holdersPath = '/v1/referrals/members/{memberId}/holders';
const holderPath = '/v1/referrals/members/{memberId}/holders/{holderId}';
const campaignHoldersPath = '/v1/referrals/{campaignId}/members/{memberId}/holders';
const campaignHolderPath = '/v1/referrals/{campaignId}/members/{memberId}/holders/{holderId}';
/** Ids no server has: a type prefix and 24 characters from a base-62 alphabet; a code no campaign issued. */
const missingMemberId = 'REF-VOUCHSPEC-MISSING';
const missingCampaignId = 'camp_vouchspecMissing00000000';
const missingHolderId = 'rh_vouchspecMissing00000000';

type Holder = VoucherifySchemas['ReferralHolder'];
type HoldersAdd = VoucherifySchemas['ReferralHoldersAdd'];

/** The documented two referees, added by their `source_id`s. */
const holdersAdd = () => requestExample<HoldersAdd>('voucherify', 'addReferralCodeHolders');
/** A body without the required `holders`. */
const holdersMissing = () => ({ metadata: holdersAdd().metadata }) as unknown as HoldersAdd;

/** The `source_id` of the first documented referee, whom the 409 interactions record as a referee already. */
function firstRefereeSourceId(body: HoldersAdd): string {
  const sourceId = body.holders[0]?.source_id;
  if (sourceId === undefined) throw new Error('the documented referees carry no source_id');
  return sourceId;
}

/** The documented holders in the given role. */
function documentedHolders(role: Holder['holder_role']): Holder[] {
  const { example } = responseContract('voucherify', 'listReferralCodeHolders', 200);
  return (example as VoucherifySchemas['ReferralHolderList']).data.filter((h) => h.holder_role === role);
}

describe('Referral code holders', () => {
  describe('listReferralCodeHolders', () => {
    const { path, params } = requestPath('voucherify', holdersPath);

    it('listReferralCodeHolders: lists the referees of a referral code', async () => {
      const query = { limit: 25, filters: { holder_role: { conditions: { $is: 'REFEREE' as const } } } };
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee)
        .uponReceiving('listReferralCodeHolders: the referees of a referral code')
        .withRequest('GET', path, (b) =>
          b.headers(appKeys).query({ limit: '25', 'filters[holder_role][conditions][$is]': 'REFEREE' }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listReferralCodeHolders', 200, {
              nonEmpty: ['data'],
              exact: ['data[].holder_role'],
              values: { data: documentedHolders('REFEREE') },
            }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(holdersPath, { params: { path: { memberId: params.memberId }, query } })
            .then(unwrap);
          expect(list.data.length).toBeGreaterThan(0);
          expect(list.data.every((holder) => holder.holder_role === 'REFEREE')).toBe(true);
          expect(list.data[0]).toMatchObject({
            object: 'redeemable_holder',
            campaign_type: 'REFERRAL_PROGRAM',
            id: expect.stringMatching(/^rh_/),
          });
        });
    });

    it('listReferralCodeHolders: answers 404 for an unknown referral code', () =>
      notFoundInteraction(pact, 'voucherify', 'listReferralCodeHolders', {
        missing: { memberId: missingMemberId },
        description: 'a referral code that does not exist',
        resourceType: 'voucher',
      }));

    it('listReferralCodeHolders: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listReferralCodeHolders'));
  });

  describe('listReferralCodeHoldersForCampaign', () => {
    const { path, params } = requestPath('voucherify', campaignHoldersPath);

    it('listReferralCodeHoldersForCampaign: pages through the holders newest id first', async () => {
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee)
        .uponReceiving('listReferralCodeHoldersForCampaign: the holders of a referral code, one per page')
        .withRequest('GET', path, (b) => b.headers(appKeys).query({ limit: '1', order: '-id' }))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listReferralCodeHoldersForCampaign', 200, {
              include: ['more_starting_after'],
              nonEmpty: ['data'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(campaignHoldersPath, { params: { path: params, query: { limit: 1, order: '-id' } } })
            .then(unwrap);
          expect(page.data).toHaveLength(1);
          expect(page.data[0]?.campaign_id).toMatch(/^camp_/);
          expect(page.has_more).toBe(true);
          expect(page.more_starting_after).toMatch(/^rh_/);
          expect(page.total).toBeGreaterThan(1);
        });
    });

    it('listReferralCodeHoldersForCampaign: answers 404 for a code of another campaign', async () => {
      const missing = requestPath('voucherify', campaignHoldersPath, { campaignId: missingCampaignId });
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee)
        .uponReceiving('listReferralCodeHoldersForCampaign: a campaign that did not issue the code')
        .withRequest('GET', missing.path, (b) => b.headers(appKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listReferralCodeHoldersForCampaign', 404, { include: ['key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).GET(campaignHoldersPath, {
            params: { path: missing.params },
          });
          expect(response.status).toBe(404);
          expect(error?.key).toBe('not_found');
        });
    });

    it('listReferralCodeHoldersForCampaign: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listReferralCodeHoldersForCampaign'));
  });

  describe('addReferralCodeHolders', () => {
    const { path, params } = requestPath('voucherify', holdersPath);

    it('addReferralCodeHolders: adds the documented customers as referees', async () => {
      const body = holdersAdd();
      await pact
        .addInteraction()
        .given(states.referralCodeWithoutReferees)
        .uponReceiving('addReferralCodeHolders: two customers as referees')
        .withRequest('POST', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'addReferralCodeHolders', 200, { nonEmpty: ['holders'] })),
        )
        .executeTest(async (server) => {
          const added = await voucherifyClient(server.url)
            .POST(holdersPath, { params: { path: { memberId: params.memberId } }, body })
            .then(unwrap);
          expect(added.holders.length).toBeGreaterThan(0);
          expect(added.holders.every((holder) => holder.holder_role === 'REFEREE')).toBe(true);
          expect(added.holders[0]?.customer_id).toMatch(/^cust_/);
        });
    });

    it('addReferralCodeHolders: rejects a body without holders', async () => {
      const body = holdersMissing();
      await pact
        .addInteraction()
        .given(states.referralCodeWithoutReferees)
        .uponReceiving('addReferralCodeHolders: a body without the required holders')
        .withRequest('POST', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(400, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'addReferralCodeHolders', 400, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(holdersPath, {
            params: { path: { memberId: params.memberId } },
            body,
          });
          expect(response.status).toBe(400);
          expect(error?.code).toBe(400);
        });
    });

    it('addReferralCodeHolders: answers 409 for a customer who already is a referee', async () => {
      const body = holdersAdd();
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee, {
          refereeSourceId: firstRefereeSourceId(body),
        })
        .uponReceiving('addReferralCodeHolders: a customer who already holds the code')
        .withRequest('POST', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(409, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'addReferralCodeHolders', 409, { include: ['key', 'details'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(holdersPath, {
            params: { path: { memberId: params.memberId } },
            body,
          });
          expect(response.status).toBe(409);
          expect(error).toMatchObject({ code: 409, key: 'duplicate_found' });
        });
    });

    it('addReferralCodeHolders: answers 404 for an unknown referral code', async () => {
      const body = holdersAdd();
      const missing = requestPath('voucherify', holdersPath, { memberId: missingMemberId });
      await pact
        .addInteraction()
        .uponReceiving('addReferralCodeHolders: a referral code that does not exist')
        .withRequest('POST', missing.path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'addReferralCodeHolders', 404, {
              include: ['key', 'resource_id'],
              values: { resource_id: missingMemberId },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(holdersPath, {
            params: { path: { memberId: missingMemberId } },
            body,
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_id: missingMemberId });
        });
    });

    it('addReferralCodeHolders: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'addReferralCodeHolders'));
  });

  describe('addReferralCodeHoldersForCampaign', () => {
    const { path, params } = requestPath('voucherify', campaignHoldersPath);

    it('addReferralCodeHoldersForCampaign: adds the documented customers as referees', async () => {
      const body = holdersAdd();
      await pact
        .addInteraction()
        .given(states.referralCodeWithoutReferees)
        .uponReceiving('addReferralCodeHoldersForCampaign: two customers as referees')
        .withRequest('POST', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'addReferralCodeHoldersForCampaign', 200, {
              nonEmpty: ['holders'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const added = await voucherifyClient(server.url)
            .POST(campaignHoldersPath, { params: { path: params }, body })
            .then(unwrap);
          expect(added.holders.length).toBeGreaterThan(0);
          expect(added.holders.every((holder) => holder.holder_role === 'REFEREE')).toBe(true);
          expect(added.holders[0]?.campaign_type).toBe('REFERRAL_PROGRAM');
        });
    });

    it('addReferralCodeHoldersForCampaign: rejects a body without holders', async () => {
      const body = holdersMissing();
      await pact
        .addInteraction()
        .given(states.referralCodeWithoutReferees)
        .uponReceiving('addReferralCodeHoldersForCampaign: a body without the required holders')
        .withRequest('POST', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(400, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'addReferralCodeHoldersForCampaign', 400, { include: ['key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(campaignHoldersPath, {
            params: { path: params },
            body,
          });
          expect(response.status).toBe(400);
          expect(error?.code).toBe(400);
        });
    });

    it('addReferralCodeHoldersForCampaign: answers 409 for a customer who already is a referee', async () => {
      const body = holdersAdd();
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee, {
          refereeSourceId: firstRefereeSourceId(body),
        })
        .uponReceiving('addReferralCodeHoldersForCampaign: a customer who already holds the code')
        .withRequest('POST', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(409, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'addReferralCodeHoldersForCampaign', 409, {
              include: ['key', 'details'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(campaignHoldersPath, {
            params: { path: params },
            body,
          });
          expect(response.status).toBe(409);
          expect(error).toMatchObject({ code: 409, key: 'duplicate_found' });
        });
    });

    it('addReferralCodeHoldersForCampaign: answers 404 for a code of another campaign', async () => {
      const body = holdersAdd();
      const missing = requestPath('voucherify', campaignHoldersPath, { campaignId: missingCampaignId });
      await pact
        .addInteraction()
        .given(states.referralCodeWithoutReferees)
        .uponReceiving('addReferralCodeHoldersForCampaign: a campaign that did not issue the code')
        .withRequest('POST', missing.path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'addReferralCodeHoldersForCampaign', 404, { include: ['key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(campaignHoldersPath, {
            params: { path: missing.params },
            body,
          });
          expect(response.status).toBe(404);
          expect(error?.key).toBe('not_found');
        });
    });

    it('addReferralCodeHoldersForCampaign: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'addReferralCodeHoldersForCampaign'));
  });

  describe('removeReferralCodeHolder', () => {
    const { path, params } = requestPath('voucherify', holderPath);

    it('removeReferralCodeHolder: removes a referee', () =>
      noContentInteraction(pact, 'voucherify', 'removeReferralCodeHolder', {
        given: states.referralCodeWithReferee,
        description: 'a referee of the code',
      }));

    it('removeReferralCodeHolder: answers 403 for the referrer', async () => {
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee, { holderRole: 'REFERRER' })
        .uponReceiving('removeReferralCodeHolder: the referrer of the code')
        .withRequest('DELETE', path, (b) => b.headers(appKeys))
        .willRespondWith(403, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'removeReferralCodeHolder', 403, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(holderPath, {
            params: { path: params },
          });
          expect(response.status).toBe(403);
          expect(error).toMatchObject({ code: 403, key: 'forbidden' });
        });
    });

    it('removeReferralCodeHolder: answers 404 for an unknown holder', () =>
      notFoundInteraction(pact, 'voucherify', 'removeReferralCodeHolder', {
        given: states.referralCodeWithoutReferees,
        missing: { holderId: missingHolderId },
        description: 'a holder that does not exist',
        resourceType: 'redeemable_holder',
      }));

    it('removeReferralCodeHolder: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'removeReferralCodeHolder'));
  });

  describe('removeReferralCodeHolderForCampaign', () => {
    const { path, params } = requestPath('voucherify', campaignHolderPath);

    it('removeReferralCodeHolderForCampaign: removes a referee', () =>
      noContentInteraction(pact, 'voucherify', 'removeReferralCodeHolderForCampaign', {
        given: states.referralCodeWithReferee,
        description: 'a referee of the code',
      }));

    it('removeReferralCodeHolderForCampaign: answers 403 for the referrer', async () => {
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee, { holderRole: 'REFERRER' })
        .uponReceiving('removeReferralCodeHolderForCampaign: the referrer of the code')
        .withRequest('DELETE', path, (b) => b.headers(appKeys))
        .willRespondWith(403, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'removeReferralCodeHolderForCampaign', 403, { include: ['key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(campaignHolderPath, {
            params: { path: params },
          });
          expect(response.status).toBe(403);
          expect(error).toMatchObject({ code: 403, key: 'forbidden' });
        });
    });

    it('removeReferralCodeHolderForCampaign: answers 404 for a code of another campaign', async () => {
      const missing = requestPath('voucherify', campaignHolderPath, { campaignId: missingCampaignId });
      await pact
        .addInteraction()
        .given(states.referralCodeWithReferee)
        .uponReceiving('removeReferralCodeHolderForCampaign: a campaign that did not issue the code')
        .withRequest('DELETE', missing.path, (b) => b.headers(appKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'removeReferralCodeHolderForCampaign', 404, { include: ['key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(campaignHolderPath, {
            params: { path: missing.params },
          });
          expect(response.status).toBe(404);
          expect(error?.key).toBe('not_found');
        });
    });

    it('removeReferralCodeHolderForCampaign: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'removeReferralCodeHolderForCampaign'));
  });
});
