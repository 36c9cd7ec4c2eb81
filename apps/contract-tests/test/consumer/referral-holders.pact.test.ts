import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import { errorInteraction, successInteraction } from './interactions.js';
import { conflictInteraction, interactionTable } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

const pact = createPact('voucherify');
/** Ids no server has: a type prefix and 24 characters from a base-62 alphabet; a code no campaign issued. */
const missingMemberId = 'REF-VOUCHSPEC-MISSING';
const missingCampaignId = 'camp_vouchspecMissing00000000';
const missingHolderId = 'rh_vouchspecMissing00000000';

type Holder = VoucherifySchemas['ReferralHolder'];
type HoldersAdd = VoucherifySchemas['ReferralHoldersAdd'];

/** The documented two referees, added by their `source_id`s. */
const holdersAdd = () => requestExample<HoldersAdd>('voucherify', 'addReferralCodeHolders');

/** The documented holders in the given role. */
function documentedHolders(role: Holder['holder_role']): Holder[] {
  const { example } = responseContract('voucherify', 'listReferralCodeHolders', 200);
  return (example as VoucherifySchemas['ReferralHolderList']).data.filter((h) => h.holder_role === role);
}

/** Each operation on a code's holders has a twin that names the campaign too; they answer alike. */
const addOperations = ['addReferralCodeHolders', 'addReferralCodeHoldersForCampaign'] as const;
const removeOperations = ['removeReferralCodeHolder', 'removeReferralCodeHolderForCampaign'] as const;
/** A path naming a campaign that did not issue the code; the state's code fills in the rest. */
const otherCampaign = { campaignId: missingCampaignId };

describe('Referral code holders', () => {
  it('listReferralCodeHolders: lists the referees of a referral code', () =>
    successInteraction(pact, 'listReferralCodeHolders', {
      given: states.referralCodeWithReferee,
      description: 'the referees of a referral code',
      query: {
        pact: { limit: '25', 'filters[holder_role][conditions][$is]': 'REFEREE' },
        client: { limit: 25, filters: { holder_role: { conditions: { $is: 'REFEREE' } } } },
      },
      matcher: {
        nonEmpty: ['data'],
        exact: ['data[].holder_role'],
        values: { data: documentedHolders('REFEREE') },
      },
      check: (list) => {
        expect(list.data.length).toBeGreaterThan(0);
        expect(list.data.every((holder) => holder.holder_role === 'REFEREE')).toBe(true);
        expect(list.data[0]).toMatchObject({
          object: 'redeemable_holder',
          campaign_type: 'REFERRAL_PROGRAM',
          id: expect.stringMatching(/^rh_/),
        });
      },
    }));

  it('listReferralCodeHoldersForCampaign: pages through the holders newest id first', () =>
    successInteraction(pact, 'listReferralCodeHoldersForCampaign', {
      given: states.referralCodeWithReferee,
      description: 'the holders of a referral code, one per page',
      query: { pact: { limit: '1', order: '-id' }, client: { limit: 1, order: '-id' } },
      matcher: { include: ['more_starting_after'], nonEmpty: ['data'] },
      check: (page) => {
        expect(page.data).toHaveLength(1);
        expect(page.data[0]?.campaign_id).toMatch(/^camp_/);
        expect(page.has_more).toBe(true);
        expect(page.more_starting_after).toMatch(/^rh_/);
        expect(page.total).toBeGreaterThan(1);
      },
    }));

  it.each(addOperations)('%s: adds the documented customers as referees', (operationId) =>
    successInteraction(pact, operationId, {
      given: states.referralCodeWithoutReferees,
      description: 'two customers as referees',
      matcher: { nonEmpty: ['holders'] },
      check: (added) => {
        expect(added.holders.length).toBeGreaterThan(0);
        expect(added.holders.every((holder) => holder.holder_role === 'REFEREE')).toBe(true);
        expect(added.holders[0]).toMatchObject({
          customer_id: expect.stringMatching(/^cust_/),
          campaign_type: 'REFERRAL_PROGRAM',
        });
      },
    }),
  );

  it.each(addOperations)('%s: rejects a body without holders', (operationId) =>
    errorInteraction(pact, operationId, {
      given: states.referralCodeWithoutReferees,
      description: 'a body without the required holders',
      body: { metadata: holdersAdd().metadata },
      status: 400,
      matcher: { include: ['key'] },
      check: (error) => expect(error?.code).toBe(400),
    }),
  );

  it.each(addOperations)('%s: answers 409 for a customer who already is a referee', (operationId) => {
    const refereeSourceId = holdersAdd().holders[0]?.source_id;
    if (refereeSourceId === undefined) throw new Error('the documented referees carry no source_id');
    return conflictInteraction(pact, operationId, {
      given: states.referralCodeWithReferee,
      stateParams: { refereeSourceId },
      description: 'a customer who already holds the code',
      include: ['key', 'details'],
    });
  });

  it('addReferralCodeHolders: answers 404 for an unknown referral code', () =>
    errorInteraction(pact, 'addReferralCodeHolders', {
      description: 'a referral code that does not exist',
      literal: { memberId: missingMemberId },
      status: 404,
      matcher: { include: ['key', 'resource_id'], values: { resource_id: missingMemberId } },
      check: (error) => expect(error).toMatchObject({ key: 'not_found', resource_id: missingMemberId }),
    }));

  it.each([
    ['listReferralCodeHoldersForCampaign', states.referralCodeWithReferee],
    ['addReferralCodeHoldersForCampaign', states.referralCodeWithoutReferees],
    ['removeReferralCodeHolderForCampaign', states.referralCodeWithReferee],
  ] as const)('%s: answers 404 for a code of another campaign', (operationId, given) =>
    errorInteraction(pact, operationId, {
      given,
      description: 'a campaign that did not issue the code',
      literal: otherCampaign,
      status: 404,
      matcher: { include: ['key'] },
      check: (error) => expect(error?.key).toBe('not_found'),
    }),
  );

  it.each(removeOperations)('%s: answers 403 for the referrer', (operationId) =>
    errorInteraction(pact, operationId, {
      given: states.referralCodeWithReferee,
      stateParams: { holderRole: 'REFERRER' },
      description: 'the referrer of the code',
      status: 403,
      matcher: { include: ['key'] },
      check: (error) => expect(error).toMatchObject({ code: 403, key: 'forbidden' }),
    }),
  );

  describe('what every operation on referral code holders answers', () => {
    interactionTable(
      pact,
      'voucherify',
      [
        'listReferralCodeHolders',
        'listReferralCodeHoldersForCampaign',
        ...addOperations,
        ...removeOperations,
      ],
      [
        [
          'listReferralCodeHolders',
          'answers 404',
          {
            missing: { memberId: missingMemberId },
            description: 'a referral code that does not exist',
            resourceType: 'voucher',
          },
        ],
        [
          'removeReferralCodeHolder',
          'answers 404',
          {
            given: states.referralCodeWithoutReferees,
            missing: { holderId: missingHolderId },
            description: 'a holder that does not exist',
            resourceType: 'redeemable_holder',
          },
        ],
        ...removeOperations.map(
          (operationId) =>
            [
              operationId,
              'answers 204',
              { given: states.referralCodeWithReferee, description: 'a referee of the code' },
            ] as const,
        ),
      ],
    );
  });
});
