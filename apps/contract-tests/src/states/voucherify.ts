import { createVoucherifyClient } from '@vouchspec/client';
import type { ProviderTarget } from '../target.js';
import type { StateDefinitions } from './types.js';

function client(target: ProviderTarget) {
  const c = target.credentials.voucherify;
  return createVoucherifyClient({
    baseUrl: target.baseUrl,
    appId: c['X-App-Id'],
    appToken: c['X-App-Token'],
    managementId: c['X-Management-Id'],
    managementToken: c['X-Management-Token'],
  });
}

/** Voucherify provider states, all set up through the public API so they work on any server. */
export const voucherifyStates: StateDefinitions = {
  'a customer exists': {
    async setup(target, params) {
      const { error } = await client(target).POST('/v1/customers', {
        body: { source_id: String(params.source_id), name: String(params.name ?? 'Contract Test Customer') },
      });
      if (error) throw new Error(`could not create customer ${params.source_id}: ${JSON.stringify(error)}`);
    },
  },
  'no customer exists': {
    async setup(target, params) {
      const { response } = await client(target).DELETE('/v1/customers/{customerId}', {
        params: { path: { customerId: String(params.customerId) } },
      });
      if (response.status !== 204 && response.status !== 404) {
        throw new Error(`could not remove customer ${params.customerId}: HTTP ${response.status}`);
      }
    },
  },
};
