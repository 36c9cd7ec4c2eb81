/**
 * States for the holders of referral codes. Referral campaigns and their codes cannot be created through
 * the operations in our spec, so the code and its holder records are seeded into the mock; the customers
 * around it are created through the Customers API.
 */
import { randomUUID } from 'node:crypto';
import { pathParameterExamples, responseExample } from '@vouchspec/spec';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../../types.js';
import { unwrap, voucherify } from '../clients.js';
import { defineState, type StateDefinitions } from '../define.js';
import { seedMock } from '../mock-only.js';
import { providerStateNames as names } from '../names.js';

type Holder = VoucherifySchemas['ReferralHolder'];

const mockOnly = 'referral campaigns and their codes cannot be created through the operations in our spec';

async function createCustomer(target: ProviderTarget, sourceId: string): Promise<string> {
  const customer = unwrap(
    await voucherify(target).POST('/v1/customers', {
      body: { source_id: sourceId, name: 'vouchspec referral state customer' },
    }),
  );
  return customer.id as string;
}

const uniqueSourceId = (role: string) => `vouchspec-referral-${role}-${randomUUID().slice(0, 8)}`;

/** The documented holders of a referral code: its referrer first, then a referee. */
function documentedHolders(): Holder[] {
  const example = responseExample('voucherify', 'listReferralCodeHolders', 200);
  return (example as VoucherifySchemas['ReferralHolderList']).data;
}

/**
 * Seeds a referral code (the documented `memberId`, in the campaign and as the voucher the documented
 * holders name) shared by a newly created referrer, and returns what the paths need. With `referee`, also
 * seeds the documented holder records: the referrer's, and a referee's for a customer created with the
 * given `source_id`.
 */
async function seedReferralCode(target: ProviderTarget, referee?: { sourceId: string }) {
  const [referrerRecord, refereeRecord] = documentedHolders();
  if (!referrerRecord || !refereeRecord) throw new Error('the spec documents no referrer and referee');
  const memberId = pathParameterExamples('voucherify', '/v1/referrals/members/{memberId}/holders')
    .memberId as string;
  const { redeemable_id: voucherId, campaign_id: campaignId, voucher_type: type } = referrerRecord;
  const referrerId = await createCustomer(target, uniqueSourceId('referrer'));
  const code: VoucherifySchemas['Voucher'] = {
    id: voucherId,
    code: memberId,
    campaign_id: campaignId,
    type,
    is_referral_code: true,
    holder_id: referrerId,
    active: true,
    object: 'voucher',
  };
  const holders: Holder[] = [];
  if (referee) {
    const refereeId = await createCustomer(target, referee.sourceId);
    holders.push(
      { ...referrerRecord, customer_id: referrerId },
      { ...refereeRecord, customer_id: refereeId },
    );
  }
  await seedMock(target, { voucherify: { vouchers: [code], referralHolders: holders } });
  return { campaignId, memberId, referrerHolderId: referrerRecord.id, refereeHolderId: refereeRecord.id };
}

export const states: StateDefinitions = {
  /** A referral code shared by its referrer, with no holder added yet. Injects `campaignId` and `memberId`. */
  [names.referralCodeWithoutReferees]: defineState({
    mockOnly,
    pathParameters: ['campaignId', 'memberId'],
    async setup(target) {
      const { campaignId, memberId } = await seedReferralCode(target);
      return { campaignId, memberId };
    },
  }),
  /**
   * A referral code whose referrer and one referee are recorded holders. Injects `campaignId`, `memberId`
   * and `holderId`: the referee's holder record, or the referrer's with `{ holderRole: 'REFERRER' }`. The
   * referee is created with `refereeSourceId` when given (to send them again), else a unique one.
   */
  [names.referralCodeWithReferee]: defineState({
    mockOnly,
    pathParameters: ['campaignId', 'memberId', 'holderId'],
    async setup(target, params) {
      const sourceId =
        typeof params.refereeSourceId === 'string' ? params.refereeSourceId : uniqueSourceId('referee');
      const code = await seedReferralCode(target, { sourceId });
      const holderId = params.holderRole === 'REFERRER' ? code.referrerHolderId : code.refereeHolderId;
      return { campaignId: code.campaignId, memberId: code.memberId, holderId };
    },
  }),
};
