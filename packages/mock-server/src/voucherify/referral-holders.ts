/**
 * Holders of referral codes (`state.referralHolders`): customers added to a code as referees, listed and
 * removed per code. The code is named by its id or text, optionally within its campaign.
 */
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { Customer, MockState } from '../state.js';
import { recordActivity } from './activity-log.js';
import { findBySourceId, findCustomer, upsertCustomer } from './customers.js';
import { type CursorQuery, cursorList, notFound, timestamp } from './resource-helpers.js';

type Holder = VoucherifySchemas['ReferralHolder'];
type Voucher = VoucherifySchemas['Voucher'];
type CustomerCreate = VoucherifySchemas['CustomerCreate'];
type ReferralCode = Voucher & { id: string; campaign_id: string };

/** The referral code `memberId` names, within the path's campaign when there is one; otherwise a 404. */
function requireCode(ctx: RequestContext): ReferralCode {
  const { memberId, campaignId } = ctx.params.path as { memberId: string; campaignId?: string };
  const code = [...ctx.state.vouchers.values()].find(
    (voucher) => voucher.is_referral_code === true && (voucher.id === memberId || voucher.code === memberId),
  );
  // A referral code is always issued by a campaign, whose id every holder record carries.
  if (!code?.campaign_id || (campaignId !== undefined && code.campaign_id !== campaignId))
    throw notFound('voucher', memberId);
  return code as ReferralCode;
}

function holdersOf(state: MockState, code: ReferralCode): Holder[] {
  return [...state.referralHolders.values()].filter((holder) => holder.redeemable_id === code.id);
}

/** Customers who share the code: its holder and referrer, and any holder recorded as OWNER or REFERRER. */
function sharersOf(state: MockState, code: ReferralCode): Set<string> {
  const recorded = holdersOf(state, code).filter((holder) => holder.holder_role !== 'REFEREE');
  return new Set(
    [code.holder_id, code.referrer_id, ...recorded.map((holder) => holder.customer_id)].filter(
      (id): id is string => id !== undefined,
    ),
  );
}

/** The existing customer an entry names, matched as `upsertCustomer` matches it, without changing anything. */
function existingCustomer(state: MockState, input: CustomerCreate, index: number): Customer | undefined {
  const match =
    (input.id !== undefined ? state.customers.get(input.id) : undefined) ??
    (input.source_id !== undefined ? findBySourceId(state, input.source_id) : undefined);
  if (!match && input.id !== undefined)
    throw new HttpError(
      400,
      'Invalid payload',
      `holders[${index}].id ${input.id} does not name an existing customer`,
    );
  return match;
}

/** Checks every entry before anything is saved, so one invalid holder leaves the state untouched. */
function checkNewHolders(state: MockState, code: ReferralCode, inputs: CustomerCreate[]): void {
  if (inputs.length === 0) throw new HttpError(400, 'Invalid payload', 'holders: send at least one customer');
  const sharers = sharersOf(state, code);
  const referees = new Set(
    holdersOf(state, code)
      .filter((holder) => holder.holder_role === 'REFEREE')
      .map((holder) => holder.customer_id),
  );
  const sent = new Set<string>();
  inputs.forEach((input, index) => {
    const customer = existingCustomer(state, input, index);
    if (customer && sharers.has(customer.id as string))
      throw new HttpError(
        400,
        'Invalid payload',
        `holders[${index}]: customer ${customer.id} refers others with ${code.code} and cannot be its referee`,
      );
    if (customer && referees.has(customer.id as string))
      throw new HttpError(
        409,
        'Duplicated resource found',
        `holders[${index}]: customer ${customer.id} already holds ${code.code}`,
      );
    // A new customer is known only by its source_id (if any) until it is created.
    const key = customer?.id ?? input.source_id;
    if (key === undefined) return;
    if (sent.has(key))
      throw new HttpError(
        409,
        'Duplicated resource found',
        `holders[${index}]: customer ${key} is sent twice`,
      );
    sent.add(key);
  });
}

/** Logs a `customer.holder.assignment.*` event in the holder's activity. */
function recordAssignment(
  state: MockState,
  type: 'customer.holder.assignment.created' | 'customer.holder.assignment.deleted',
  holder: Holder,
  code: ReferralCode,
): void {
  const customer = findCustomer(state, holder.customer_id);
  recordActivity(state, holder.customer_id, type, {
    data: {
      holder: { ...holder },
      voucher: {
        id: code.id,
        code: code.code,
        type: code.type,
        campaign: code.campaign,
        campaign_id: code.campaign_id,
        is_referral_code: true,
        holder_id: code.holder_id,
        referrer_id: code.referrer_id,
        object: 'voucher',
      },
      campaign: {
        id: code.campaign_id,
        name: code.campaign,
        campaign_type: 'REFERRAL_PROGRAM',
        is_referral_code: true,
        object: 'campaign',
      },
      customer: {
        id: holder.customer_id,
        source_id: customer?.source_id,
        name: customer?.name,
        email: customer?.email,
        object: 'customer',
      },
    },
    event_source: { channel: 'API' },
  });
}

function addHolders(ctx: RequestContext) {
  const code = requireCode(ctx);
  const { holders: inputs, metadata } = ctx.body as VoucherifySchemas['ReferralHoldersAdd'];
  checkNewHolders(ctx.state, code, inputs);
  const now = timestamp();
  const holders = inputs.map((input) => {
    const customer = upsertCustomer(ctx.state, input);
    const holder: Holder = {
      id: voucherifyId('rh'),
      created_at: now,
      redeemable_id: code.id,
      redeemable_object: 'voucher',
      customer_id: customer.id as string,
      holder_role: 'REFEREE',
      campaign_id: code.campaign_id,
      campaign_type: 'REFERRAL_PROGRAM',
      voucher_type: code.type ?? 'DISCOUNT_VOUCHER',
      metadata: { ...metadata },
      object: 'redeemable_holder',
    };
    ctx.state.referralHolders.set(holder.id, holder);
    recordAssignment(ctx.state, 'customer.holder.assignment.created', holder, code);
    return holder;
  });
  const body: VoucherifySchemas['ReferralHoldersAdded'] = { holders };
  return { status: 200, body };
}

function listHolders(ctx: RequestContext) {
  const code = requireCode(ctx);
  const body: VoucherifySchemas['ReferralHolderList'] = cursorList(
    holdersOf(ctx.state, code),
    ctx.params.query as CursorQuery,
  );
  return { status: 200, body };
}

function removeHolder(ctx: RequestContext) {
  const code = requireCode(ctx);
  const holderId = ctx.params.path.holderId as string;
  const holder = ctx.state.referralHolders.get(holderId);
  if (holder?.redeemable_id !== code.id) throw notFound('redeemable_holder', holderId);
  // Only referees can be detached; the operation documents no 400, and 403 says "not permitted here".
  if (holder.holder_role !== 'REFEREE')
    throw new HttpError(
      403,
      'Forbidden',
      `Only referees can be removed; ${holderId} is the ${holder.holder_role} of ${code.code}`,
    );
  ctx.state.referralHolders.delete(holderId);
  recordAssignment(ctx.state, 'customer.holder.assignment.deleted', holder, code);
  return { status: 204 };
}

export const referralHolderHandlers: Record<string, Handler> = {
  addReferralCodeHolders: addHolders,
  addReferralCodeHoldersForCampaign: addHolders,
  listReferralCodeHolders: listHolders,
  listReferralCodeHoldersForCampaign: listHolders,
  removeReferralCodeHolder: removeHolder,
  removeReferralCodeHolderForCampaign: removeHolder,
};
