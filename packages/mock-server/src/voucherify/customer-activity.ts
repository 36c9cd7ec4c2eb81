/** A customer's activity log (`state.activities`, oldest first), narrowed, sorted and paged as each list asks. */
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { activitiesOf } from './activity-log.js';
import { findCustomer } from './customers.js';
import { cursorPage, dataList, notFound, ordered } from './resource-helpers.js';

type Activity = VoucherifySchemas['CustomerActivity'];

/** The query parameters of both activity lists; each operation only ever receives the ones it declares. */
interface ActivityQuery {
  limit?: number;
  order?: string;
  starting_after_id?: string;
  starting_after?: string;
  start_date?: string;
  end_date?: string;
  campaign_id?: string;
  campaign_type?: string;
  category?: 'ACTION' | 'EFFECT';
  type?: string;
  product_id?: string;
}

const defaultLimit = 10;
/** Both lists answer newest first unless asked otherwise, as the spec's examples show. */
const defaultOrder = '-created_at';

const distributionChannels = [
  'sms',
  'email',
  'activecampaign',
  'braze',
  'mailchimp',
  'intercom',
  'shopify',
  'klaviyo',
  'batch',
];
/**
 * Event types that are consequences Voucherify drew from something else (segment moves, messages, rewards,
 * balance and tier changes); every other type records an action of the customer or of an API client.
 */
const effectPrefixes = [
  'customer.referred',
  'customer.rewarded',
  'customer.segment.',
  'customer.voucher.',
  'customer.loyalty.',
  ...distributionChannels.map((channel) => `customer.${channel}.`),
];

function activityCategory(type: string | undefined): 'ACTION' | 'EFFECT' {
  return effectPrefixes.some((prefix) => type?.startsWith(prefix)) ? 'EFFECT' : 'ACTION';
}

function pick(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A nested value of the event details, whose shape depends on the activity type. */
function detail(activity: Activity, ...path: string[]): unknown {
  return pick(activity.data?.data, ...path);
}

/** The campaign an activity concerns, from whichever object of its details names one. */
function campaignOf(activity: Activity) {
  return {
    id:
      detail(activity, 'campaign', 'id') ??
      detail(activity, 'voucher', 'campaign_id') ??
      detail(activity, 'holder', 'campaign_id') ??
      detail(activity, 'loyalty_tier', 'campaign_id'),
    type: detail(activity, 'campaign', 'campaign_type') ?? detail(activity, 'holder', 'campaign_type'),
    name: detail(activity, 'campaign', 'name') ?? detail(activity, 'voucher', 'campaign'),
  };
}

/** Products an activity concerns: those of the order in its details. */
function productIds(activity: Activity): unknown[] {
  const items = detail(activity, 'order', 'items');
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) => [pick(item, 'product_id'), pick(item, 'product', 'id')]);
}

function matchesQuery(activity: Activity, query: ActivityQuery): boolean {
  const time = Date.parse(activity.created_at ?? '');
  const campaign = campaignOf(activity);
  return (
    (query.start_date === undefined || time >= Date.parse(query.start_date)) &&
    (query.end_date === undefined || time <= Date.parse(query.end_date)) &&
    (query.starting_after === undefined || time > Date.parse(query.starting_after)) &&
    (query.campaign_id === undefined || campaign.id === query.campaign_id) &&
    (query.campaign_type === undefined || campaign.type === query.campaign_type) &&
    (query.category === undefined || activityCategory(activity.type) === query.category) &&
    (query.type === undefined || activity.type === query.type) &&
    (query.product_id === undefined || productIds(activity).includes(query.product_id))
  );
}

function sortKey(activity: Activity, field: string): unknown {
  switch (field) {
    // Activities are never changed after they are recorded.
    case 'created_at':
    case 'updated_at':
      return activity.created_at;
    case 'code':
      return detail(activity, 'voucher', 'code');
    case 'campaign':
      return campaignOf(activity).name;
    case 'category':
      return activityCategory(activity.type);
    default:
      return activity.type;
  }
}

function sorted(log: Activity[], order: string): Activity[] {
  const descending = order.startsWith('-');
  const ascending = ordered(log, descending ? order.slice(1) : order, sortKey);
  // Reversing an ascending sort of the oldest-first log keeps activities of the same moment newest first too.
  return descending ? ascending.reverse() : ascending;
}

/** The activities of the customer named by the path that the query selects, in the order it asks. */
function selectActivities(ctx: RequestContext) {
  const id = ctx.params.path.customerId as string;
  const customer = findCustomer(ctx.state, id);
  if (!customer) throw notFound('customer', id);
  const query = ctx.params.query as ActivityQuery;
  const log = activitiesOf(ctx.state, customer.id as string);
  const matching = sorted(log, query.order ?? defaultOrder).filter((activity) =>
    matchesQuery(activity, query),
  );
  return { matching, ...cursorPage(matching, query.limit ?? defaultLimit, query.starting_after_id) };
}

export const customerActivityHandlers: Record<string, Handler> = {
  listCustomerActivity: (ctx) => {
    const { page, hasMore, moreStartingAfter } = selectActivities(ctx);
    const body: VoucherifySchemas['CustomerActivityPage'] = {
      object: 'list',
      data_ref: 'data',
      data: page,
      has_more: hasMore,
      ...(moreStartingAfter ? { more_starting_after: moreStartingAfter } : {}),
    };
    return { status: 200, body };
  },
  listCustomerActivities: (ctx) => {
    const { page, matching } = selectActivities(ctx);
    const body: VoucherifySchemas['CustomerActivityList'] = { ...dataList(page), total: matching.length };
    return { status: 200, body };
  },
};
