import type { VoucherifyPaths, VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { UploadedFile } from '../multipart.js';
import type { Customer, MockState } from '../state.js';
import { recordActivity } from './activity-log.js';
import { asyncAction, readCustomerCsv } from './customer-imports.js';
import { dataList, notFound, numberedPage, ordered, timestamp } from './resource-helpers.js';

type CustomerCreate = VoucherifySchemas['CustomerCreate'];
type CustomerProfile = VoucherifySchemas['CustomerProfile'];
type CustomerConsents = VoucherifySchemas['CustomerConsents'];
type CustomerBulkUpdate = VoucherifySchemas['CustomerBulkUpdate'];
type CustomerMetadataBulkUpdate = VoucherifySchemas['CustomerMetadataBulkUpdate'];
type ListQuery = NonNullable<VoucherifyPaths['/v1/customers']['get']['parameters']['query']>;
type ProfileEvent = 'customer.created' | 'customer.updated' | 'customer.deleted';

const profileFields = [
  'name',
  'description',
  'email',
  'phone',
  'birthday',
  'birthdate',
  'address',
  'metadata',
] as const satisfies readonly (keyof CustomerProfile)[];

/** Finds a customer by Voucherify id or by source_id, as the API's `{customerId}` allows. */
export function findCustomer(state: MockState, idOrSourceId: string): Customer | undefined {
  return state.customers.get(idOrSourceId) ?? findBySourceId(state, idOrSourceId);
}

/** The customer with this `source_id`, which (unlike `findCustomer`) never matches a Voucherify id. */
export function findBySourceId(state: MockState, sourceId: string): Customer | undefined {
  return state.customers.find('sourceId', sourceId);
}

function requireCustomer(ctx: RequestContext): Customer {
  const id = ctx.params.path.customerId as string;
  const customer = findCustomer(ctx.state, id);
  if (!customer) throw notFound('customer', id);
  return customer;
}

/** The customer with the profile fields sent; each replaces the stored value. */
function withProfile(customer: Customer, input: CustomerProfile): Customer {
  const changed: Record<string, unknown> = { ...customer };
  for (const field of profileFields) if (input[field] !== undefined) changed[field] = input[field];
  return changed as Customer;
}

function newCustomer(input: CustomerCreate, now: string): Customer {
  return withProfile(
    {
      id: voucherifyId('cust'),
      ...(input.source_id !== undefined ? { source_id: input.source_id } : {}),
      summary: {
        redemptions: {
          total_redeemed: 0,
          total_failed: 0,
          total_succeeded: 0,
          total_rolled_back: 0,
          total_rollback_failed: 0,
          total_rollback_succeeded: 0,
          gift: { redeemed_amount: 0, amount_to_go: 0 },
          loyalty_card: { redeemed_points: 0, points_to_go: 0 },
        },
        orders: { total_amount: 0, total_count: 0, average_amount: 0, last_order_amount: 0 },
      },
      loyalty: { points: 0, referred_customers: 0, campaigns: {} },
      referrals: { total: 0, campaigns: [] },
      system_metadata: {},
      metadata: {},
      created_at: now,
      updated_at: now,
      object: 'customer',
    },
    input,
  );
}

/** Logs a profile event with the customer as it is now (stored rows never change, so no copy is needed). */
function recordProfileEvent(state: MockState, customer: Customer, type: ProfileEvent): void {
  recordActivity(state, customer.id as string, type, {
    data: { customer },
    event_source: { channel: 'API' },
  });
}

/**
 * Updates `existing` with the profile fields sent (each replaces the stored value), or creates a customer
 * when there is none, and logs the matching activity. Other input fields (such as `id`) are ignored.
 */
function saveCustomer(state: MockState, existing: Customer | undefined, input: CustomerCreate): Customer {
  const now = timestamp();
  if (existing) {
    const updated = { ...withProfile(existing, input), updated_at: now };
    state.customers.set(updated.id as string, updated);
    recordProfileEvent(state, updated, 'customer.updated');
    return updated;
  }
  const customer = newCustomer(input, now);
  state.customers.set(customer.id as string, customer);
  recordProfileEvent(state, customer, 'customer.created');
  return customer;
}

/** Upsert: an `id` or `source_id` that matches updates that customer; otherwise a new one is created. */
export function upsertCustomer(state: MockState, input: CustomerCreate): Customer {
  const existing =
    (input.id !== undefined ? state.customers.get(input.id) : undefined) ??
    (input.source_id !== undefined ? findBySourceId(state, input.source_id) : undefined);
  if (!existing && input.id !== undefined) {
    // createCustomer documents no 404: an unknown id is a bad payload.
    throw new HttpError(400, 'Invalid payload', `body.id ${input.id} does not name an existing customer`);
  }
  return saveCustomer(state, existing, input);
}

/** The bulk operations address customers by `source_id` alone. */
function upsertBySourceId(state: MockState, update: CustomerBulkUpdate): Customer {
  return saveCustomer(state, findBySourceId(state, update.source_id), update);
}

/** Whether a time lies strictly between the optional bounds. */
function within(time: number, after: string | undefined, before: string | undefined): boolean {
  return (
    (after === undefined || time > Date.parse(after)) && (before === undefined || time < Date.parse(before))
  );
}

function matchesQuery(state: MockState, customer: Customer, query: ListQuery): boolean {
  const inSegment = (segmentId: string) =>
    state.segments.get(segmentId)?.customerIds.includes(customer.id as string) ?? false;
  return (
    (query.email === undefined || customer.email === query.email) &&
    (query.name === undefined || customer.name === query.name) &&
    (query.city === undefined || customer.address?.city === query.city) &&
    (query.segment_id === undefined || inSegment(query.segment_id)) &&
    within(Date.parse(customer.created_at ?? ''), query['created_at[after]'], query['created_at[before]']) &&
    within(Date.parse(customer.updated_at ?? ''), query['updated_at[after]'], query['updated_at[before]'])
  );
}

/**
 * The customers after the `starting_after` cursor (a `created_at`) in the list: older ones when the list
 * runs newest first (the default), newer ones for every other order.
 */
function afterCursor(customers: Customer[], order: string, cursor: string | undefined): Customer[] {
  if (cursor === undefined) return customers;
  const at = Date.parse(cursor);
  return customers.filter((customer) => {
    const created = Date.parse(customer.created_at ?? '');
    return order === '-created_at' ? created < at : created > at;
  });
}

/** Erases what the mock keeps about a customer and counts it per kind of record. */
function eraseCustomer(state: MockState, customerId: string) {
  let segments = 0;
  for (const [segmentId, row] of state.segments) {
    if (!row.customerIds.includes(customerId)) continue;
    state.segments.set(segmentId, { ...row, customerIds: row.customerIds.filter((id) => id !== customerId) });
    segments++;
  }
  const customerEvents = state.activities.deleteAll('customer', customerId);
  state.consents.delete(customerId);
  state.customers.delete(customerId);
  // The mock stores no tracked events or orders, so those counts are always zero.
  return {
    events: 0,
    customer_events: customerEvents,
    daily_events: 0,
    segments,
    orders: 0,
    order_events: 0,
    customer: 1,
  };
}

/** `unsubscribed: true` withdraws every consent; giving a consent afterwards ends the unsubscription. */
function mergeConsents(stored: CustomerConsents, changes: CustomerConsents): CustomerConsents {
  const merged = { ...stored, ...changes };
  if (changes.unsubscribed) {
    for (const id of Object.keys(merged)) if (id !== 'unsubscribed') merged[id] = false;
  } else if (merged.unsubscribed && Object.values(changes).some(Boolean)) {
    merged.unsubscribed = false;
  }
  return merged;
}

export const customerHandlers: Record<string, Handler> = {
  createCustomer: (ctx) => ({ status: 200, body: upsertCustomer(ctx.state, ctx.body as CustomerCreate) }),
  getCustomer: (ctx) => ({ status: 200, body: requireCustomer(ctx) }),
  updateCustomer: (ctx) => ({
    status: 200,
    body: saveCustomer(ctx.state, requireCustomer(ctx), ctx.body as CustomerProfile),
  }),
  deleteCustomer: (ctx) => {
    const customer = requireCustomer(ctx);
    recordProfileEvent(ctx.state, customer, 'customer.deleted');
    ctx.state.customers.delete(customer.id as string);
    return { status: 204 };
  },

  listCustomers: (ctx) => {
    const query = ctx.params.query as ListQuery;
    const order = query.order ?? '-created_at';
    const matching = [...ctx.state.customers.values()].filter((c) => matchesQuery(ctx.state, c, query));
    // Kept in creation order; reversed for descending orders so that ties come newest first too.
    const sorted = ordered(order.startsWith('-') ? [...matching].reverse() : matching, order, (c, field) =>
      field === 'source_id' ? c.source_id : field === 'updated_at' ? c.updated_at : c.created_at,
    );
    const { page, hasMore } = numberedPage(
      afterCursor(sorted, order, query.starting_after),
      query.page ?? 1,
      query.limit ?? 10,
    );
    const body: VoucherifySchemas['CustomerList'] = {
      object: 'list',
      data_ref: 'customers',
      customers: page,
      total: matching.length,
      has_more: hasMore,
    };
    return { status: 200, body };
  },

  deleteCustomerPermanently: (ctx) => {
    const customerId = requireCustomer(ctx).id as string;
    const deletion: VoucherifySchemas['CustomerPermanentDeletion'] = {
      id: voucherifyId('del'),
      created_at: timestamp(),
      related_object_id: customerId,
      related_object: 'customer',
      status: 'DONE',
      data_json: eraseCustomer(ctx.state, customerId),
      object: 'pernament_deletion',
    };
    return { status: 200, body: deletion };
  },

  listCustomerSegments: (ctx) => {
    // No 404 is documented: an unknown identifier gets the segments it would qualify for, and the mock's
    // segments have no rules to qualify by, so it gets none.
    const customerId = findCustomer(ctx.state, ctx.params.path.customerId as string)?.id;
    const segments = [...ctx.state.segments.values()]
      .filter(({ customerIds }) => customerId !== undefined && customerIds.includes(customerId))
      .map(({ segment }) => segment);
    return { status: 200, body: dataList(segments) };
  },

  updateCustomerConsents: (ctx) => {
    const idOrSourceId = ctx.params.path.customerId as string;
    const customer = findCustomer(ctx.state, idOrSourceId);
    // The operation documents no 404, so an unknown customer is a 400, like any consent it cannot record.
    if (!customer)
      throw new HttpError(400, 'Invalid payload', `path.customerId ${idOrSourceId} names no customer`);
    const changes = (ctx.body ?? {}) as CustomerConsents;
    const unknown = Object.keys(changes).find((key) => key !== 'unsubscribed' && !key.startsWith('cnst_'));
    if (unknown !== undefined) {
      throw new HttpError(400, 'Invalid consent', `Consent with id ${unknown} does not exist.`, {
        key: 'invalid_consent',
      });
    }
    const customerId = customer.id as string;
    ctx.state.consents.set(customerId, mergeConsents(ctx.state.consents.get(customerId) ?? {}, changes));
    return { status: 204 };
  },

  updateCustomersInBulk: (ctx) => {
    const updates = ctx.body as CustomerBulkUpdate[];
    for (const update of updates) upsertBySourceId(ctx.state, update);
    return asyncAction(ctx.state, 'CUSTOMERS_BULK_UPDATE', { processed: updates.length, failed: [] });
  },

  /** Merges the metadata into each listed customer's (new customers get just that). */
  updateCustomersMetadataInBulk: (ctx) => {
    const { source_ids, metadata } = ctx.body as CustomerMetadataBulkUpdate;
    const sourceIds = new Set(source_ids);
    for (const sourceId of sourceIds) {
      const stored = findBySourceId(ctx.state, sourceId)?.metadata;
      upsertBySourceId(ctx.state, { source_id: sourceId, metadata: { ...stored, ...metadata } });
    }
    return asyncAction(ctx.state, 'CUSTOMERS_METADATA_UPDATE', { processed: sourceIds.size, failed: [] });
  },

  importCustomersUsingCsv: (ctx) => {
    const { customers, failed } = readCustomerCsv((ctx.body as { file: string | UploadedFile }).file);
    for (const customer of customers) upsertBySourceId(ctx.state, customer);
    return asyncAction(ctx.state, 'CUSTOMERS_IMPORT_CSV', { processed: customers.length, failed });
  },
};
