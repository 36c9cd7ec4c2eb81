import { unwrap, voucherify } from '../clients.js';
import type { StateDefinitions } from '../types.js';

export const states: StateDefinitions = {
  'a customer exists': {
    async setup(target, params) {
      unwrap(
        await voucherify(target).POST('/v1/customers', {
          body: {
            source_id: String(params.source_id),
            name: String(params.name ?? 'Contract Test Customer'),
          },
        }),
      );
    },
  },
  'no customer exists': {
    async setup(target, params) {
      // Removing it through the API works on any server; a customer that is already gone is fine.
      const { response } = await voucherify(target).DELETE('/v1/customers/{customerId}', {
        params: { path: { customerId: String(params.customerId) } },
      });
      if (response.status !== 204 && response.status !== 404)
        throw new Error(`could not remove customer ${params.customerId}: HTTP ${response.status}`);
    },
  },
};
