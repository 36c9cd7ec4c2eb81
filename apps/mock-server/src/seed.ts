import type { ApiId } from '@vouchspec/spec';
import { describeFailure, type SchemaValidator } from '@vouchspec/spec/validation';
import { HttpError } from './http.js';
import { voucherifyId } from './ids.js';
import { mockEnterpriseId, storeVoucherCode } from './resources/voucher-codes.js';
import type { Customer, MockState, VoucherCode } from './state.js';

/** Collections that can be seeded, each validated against the spec schema of its items. */
const collections = {
  voucherify: {
    customers: {
      schema: 'Customer',
      insert(state: MockState, item: Record<string, unknown>) {
        const customer = { ...item, id: (item.id as string | undefined) ?? voucherifyId('cust') } as Customer;
        state.customers.set(customer.id as string, customer);
      },
    },
  },
  'mews-connector': {
    voucherCodes: {
      schema: 'VoucherCode',
      insert(state: MockState, item: Record<string, unknown>) {
        const { EnterpriseId, ...code } = item;
        storeVoucherCode(state, {
          code: code as VoucherCode,
          enterpriseId: typeof EnterpriseId === 'string' ? EnterpriseId : mockEnterpriseId,
        });
      },
    },
  },
} satisfies Record<
  ApiId,
  Record<string, { schema: string; insert(state: MockState, item: Record<string, unknown>): void }>
>;

export type SeedData = {
  [A in ApiId]?: { [C in keyof (typeof collections)[A]]?: Record<string, unknown>[] };
};

/**
 * Adds seed data to the state. Everything is validated first, so a bad seed changes nothing.
 * Returns how many items were added per collection.
 */
export function applySeed(
  state: MockState,
  validator: SchemaValidator,
  data: unknown,
): Record<string, number> {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new HttpError(400, 'Seed data must be a JSON object');
  const inserts: (() => void)[] = [];
  const counts: Record<string, number> = {};
  for (const [api, apiCollections] of Object.entries(data)) {
    const known = collections[api as ApiId] as
      | Record<string, (typeof collections)['voucherify']['customers']>
      | undefined;
    if (!known)
      throw new HttpError(
        400,
        `Seed: unknown API "${api}" (expected ${Object.keys(collections).join(', ')})`,
      );
    for (const [name, items] of Object.entries(apiCollections as Record<string, unknown>)) {
      const collection = known[name];
      if (!collection) {
        throw new HttpError(
          400,
          `Seed: unknown collection "${api}.${name}" (expected ${Object.keys(known).join(', ')})`,
        );
      }
      if (!Array.isArray(items)) throw new HttpError(400, `Seed: ${api}.${name} must be an array`);
      const validate = validator.component(api as ApiId, collection.schema);
      items.forEach((item, index) => {
        if (!validate(item)) {
          throw new HttpError(
            400,
            `Seed: ${describeFailure(`${api}.${name}[${index}]`, validate.errors).message}`,
          );
        }
        inserts.push(() => collection.insert(state, item as Record<string, unknown>));
      });
      counts[`${api}.${name}`] = items.length;
    }
  }
  for (const insert of inserts) insert();
  return counts;
}
