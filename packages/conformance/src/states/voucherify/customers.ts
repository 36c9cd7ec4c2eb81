import { requestExample } from '@vouchspec/spec';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../../types.js';
import { expectRemoved, unwrap, voucherify } from '../clients.js';
import { defineState, type StateDefinitions, type StateParams, stringParam } from '../define.js';
import { providerStateNames as names } from '../names.js';

/** The `source_id` a state's customer gets when the interaction names none. */
const defaultSourceId = 'vouchspec-contract-customer';

/**
 * Creates (or, since `source_id` is an upsert key, resets) a customer with the documented details through the
 * public API and returns its Voucherify id. A leftover with the same `source_id` on a real account is brought
 * back to the documented details, so interactions see the same customer on every run.
 */
export async function createCustomer(
  target: ProviderTarget,
  sourceId: string,
  overrides: Partial<VoucherifySchemas['CustomerCreate']> = {},
): Promise<string> {
  const details = requestExample<VoucherifySchemas['CustomerCreate']>('voucherify', 'createCustomer');
  const customer = unwrap(
    await voucherify(target).POST('/v1/customers', {
      body: { ...details, ...overrides, source_id: sourceId },
    }),
  );
  if (!customer.id) throw new Error(`customer ${sourceId} came back without an id`);
  return customer.id;
}

/** Deletes a customer by Voucherify id or `source_id`; one that is gone already is fine. */
export async function removeCustomer(target: ProviderTarget, customerId: string): Promise<void> {
  expectRemoved(
    `delete customer ${customerId}`,
    await voucherify(target).DELETE('/v1/customers/{customerId}', { params: { path: { customerId } } }),
  );
}

const sourceIdsOf = (params: StateParams) =>
  Array.isArray(params.sourceIds) ? params.sourceIds.map(String) : [];

export const states: StateDefinitions = {
  /**
   * Params: `source_id` (default `vouchspec-contract-customer`), and optionally `name` and `email` to use
   * instead of the documented ones. Injects `customerId`, the Voucherify id.
   */
  [names.customerExists]: defineState({
    pathParameters: ['customerId'],
    async setup(target, params) {
      const sourceId = stringParam(params, 'source_id') ?? defaultSourceId;
      const name = stringParam(params, 'name');
      const email = stringParam(params, 'email');
      const customerId = await createCustomer(target, sourceId, {
        ...(name !== undefined ? { name } : {}),
        ...(email !== undefined ? { email } : {}),
      });
      return { customerId };
    },
    async teardown(target, _params, { customerId }) {
      await removeCustomer(target, String(customerId));
    },
  }),
  /**
   * For interactions that create customers by `source_id` (create, bulk updates, CSV imports). Params:
   * `sourceIds`. Leftovers of an earlier run are removed first, so creating really creates; the customers are
   * removed again afterwards. Bulk updates and imports run in the background on a real server, so a customer
   * the job creates after the teardown stays until the next run's setup removes it.
   */
  [names.createdCustomersRemoved]: defineState({
    async setup(target, params) {
      for (const sourceId of sourceIdsOf(params)) await removeCustomer(target, sourceId);
    },
    async teardown(target, params) {
      for (const sourceId of sourceIdsOf(params)) await removeCustomer(target, sourceId);
    },
  }),
};
