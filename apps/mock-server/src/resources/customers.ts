import type { VoucherifySchemas } from '@vouchspec/client';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { Customer, MockState } from '../state.js';

type CustomerCreate = VoucherifySchemas['CustomerCreate'];
type CustomerProfile = VoucherifySchemas['CustomerProfile'];

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
  const byId = state.customers.get(idOrSourceId);
  if (byId) return byId;
  for (const customer of state.customers.values()) if (customer.source_id === idOrSourceId) return customer;
  return undefined;
}

export function customerNotFound(idOrSourceId: string): HttpError {
  return new HttpError(404, 'Resource not found', `Cannot find customer with id ${idOrSourceId}`, {
    resource_id: idOrSourceId,
    resource_type: 'customer',
  });
}

function requireCustomer(ctx: RequestContext): Customer {
  const id = ctx.params.path.customerId as string;
  const customer = findCustomer(ctx.state, id);
  if (!customer) throw customerNotFound(id);
  return customer;
}

function applyProfile(customer: Customer, input: CustomerProfile): void {
  for (const field of profileFields) {
    if (input[field] !== undefined) (customer as Record<string, unknown>)[field] = input[field];
  }
}

function newCustomer(input: CustomerCreate, now: string): Customer {
  const customer: Customer = {
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
  };
  applyProfile(customer, input);
  return customer;
}

/** Upsert: an `id` or `source_id` that matches updates that customer; otherwise a new one is created. */
export function upsertCustomer(state: MockState, input: CustomerCreate): Customer {
  const now = new Date().toISOString();
  const existing =
    (input.id !== undefined ? state.customers.get(input.id) : undefined) ??
    (input.source_id !== undefined ? findCustomer(state, input.source_id) : undefined);
  if (existing) {
    applyProfile(existing, input);
    existing.updated_at = now;
    return existing;
  }
  if (input.id !== undefined) {
    // createCustomer documents no 404: an unknown id is a bad payload.
    throw new HttpError(400, 'Invalid payload', `body.id ${input.id} does not name an existing customer`);
  }
  const customer = newCustomer(input, now);
  state.customers.set(customer.id as string, customer);
  return customer;
}

export const customerHandlers: Record<string, Handler> = {
  createCustomer: (ctx) => ({ status: 200, body: upsertCustomer(ctx.state, ctx.body as CustomerCreate) }),
  getCustomer: (ctx) => ({ status: 200, body: requireCustomer(ctx) }),
  deleteCustomer: (ctx) => {
    const customer = requireCustomer(ctx);
    ctx.state.customers.delete(customer.id as string);
    return { status: 204 };
  },
};
