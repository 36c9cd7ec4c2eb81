/**
 * A customer's redeemables, derived from the vouchers they hold or refer with and from the referral codes
 * they were added to as holders.
 */
import { createHash } from 'node:crypto';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import type { Customer, MockState } from '../state.js';
import { findCustomer } from './customers.js';
import { type CursorQuery, cursorList, notFound, timestamp } from './resource-helpers.js';

type Redeemable = VoucherifySchemas['CustomerRedeemable'];
type Voucher = VoucherifySchemas['Voucher'];
type Role = VoucherifySchemas['RedeemableHolderRole'];

const campaignTypes = {
  LOYALTY_CARD: 'LOYALTY_PROGRAM',
  GIFT_VOUCHER: 'GIFT_VOUCHERS',
  DISCOUNT_VOUCHER: 'DISCOUNT_COUPONS',
} as const;

/** The voucher's campaign type, which vouchers do not carry: it follows from the kind of voucher. */
function campaignType(voucher: Voucher): Redeemable['campaign_type'] {
  if (voucher.campaign_id === undefined) return null;
  if (voucher.is_referral_code) return 'REFERRAL_PROGRAM';
  return campaignTypes[voucher.type ?? 'DISCOUNT_VOUCHER'];
}

/** Whether the voucher can be used now, or the first reason it cannot. */
function usability(voucher: Voucher, now: number): Redeemable['redeemable']['status'] {
  if (voucher.active === false) return 'DISABLED';
  if (voucher.start_date !== undefined && Date.parse(voucher.start_date) > now) return 'NOT_ACTIVE_YET';
  if (voucher.expiration_date !== undefined && Date.parse(voucher.expiration_date) < now) return 'EXPIRED';
  const { quantity, redeemed_quantity = 0 } = voucher.redemption ?? {};
  if (quantity !== undefined && redeemed_quantity >= quantity) return 'USED';
  const balance =
    voucher.type === 'GIFT_VOUCHER'
      ? voucher.gift?.balance
      : voucher.type === 'LOYALTY_CARD'
        ? voucher.loyalty_card?.balance
        : undefined;
  if (balance !== undefined && balance <= 0) return 'NO_BALANCE';
  return 'ACTIVE';
}

/** A stable `rh_` id for an assignment read off a voucher, so that cursors stay valid between calls. */
function derivedId(voucherId: string, role: Role, customerId: string): string {
  const digest = createHash('sha256').update(`${voucherId}:${role}:${customerId}`).digest('hex');
  return `rh_${digest.slice(0, 24)}`;
}

function redeemable(
  voucher: Voucher,
  assignment: { id: string; created_at: string; customer_id: string; holder_role: Role },
  now: number,
): Redeemable {
  return {
    ...assignment,
    redeemable_id: voucher.id as string,
    redeemable_object: 'voucher',
    campaign_id: voucher.campaign_id ?? null,
    campaign_type: campaignType(voucher),
    voucher_type: voucher.type ?? 'DISCOUNT_VOUCHER',
    redeemable: { type: 'voucher', voucher, status: usability(voucher, now) },
  };
}

/**
 * Everything the customer holds: recorded holder records (referees of referral codes, and whatever roles
 * were seeded), then the vouchers they own (`holder_id`) or refer with (`referrer_id`) unless a record
 * already covers that voucher and role.
 */
function redeemablesOf(state: MockState, customer: Customer): Redeemable[] {
  const customerId = customer.id as string;
  const now = Date.now();
  const found = new Map<string, Redeemable>();
  for (const holder of state.referralHolders.values()) {
    const voucher = state.vouchers.get(holder.redeemable_id);
    if (holder.customer_id !== customerId || !voucher) continue;
    const { id, created_at, holder_role } = holder;
    found.set(
      `${voucher.id}:${holder_role}`,
      redeemable(voucher, { id, created_at, customer_id: customerId, holder_role }, now),
    );
  }
  const roles: [Role, keyof Voucher][] = [
    ['OWNER', 'holder_id'],
    ['REFERRER', 'referrer_id'],
  ];
  for (const voucher of state.vouchers.values()) {
    const voucherId = voucher.id as string;
    for (const [role, field] of roles) {
      const key = `${voucherId}:${role}`;
      if (voucher[field] !== customerId || found.has(key)) continue;
      found.set(
        key,
        redeemable(
          voucher,
          {
            id: derivedId(voucherId, role, customerId),
            // The mock keeps no publication dates; a voucher is taken as assigned when it was created.
            created_at: voucher.created_at ?? customer.created_at ?? timestamp(),
            customer_id: customerId,
            holder_role: role,
          },
          now,
        ),
      );
    }
  }
  return [...found.values()];
}

export const customerRedeemableHandlers: Record<string, Handler> = {
  listCustomerRedeemables: (ctx) => {
    const id = ctx.params.path.customerId as string;
    const customer = findCustomer(ctx.state, id);
    if (!customer) throw notFound('customer', id);
    const body: VoucherifySchemas['CustomerRedeemableList'] = cursorList(
      redeemablesOf(ctx.state, customer),
      ctx.params.query as CursorQuery,
    );
    return { status: 200, body };
  },
};
