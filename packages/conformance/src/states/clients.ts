/**
 * Clients that provider states use to set up data through the public API of whatever server is verified.
 * Results come back as data-or-error; `unwrap` turns an error into an ApiError with status and body.
 */
import { createMewsConnectorClient, createVoucherifyClient, unwrap } from '@vouchspec/client';
import type { ProviderTarget } from '../types.js';

export function voucherify(target: ProviderTarget) {
  const c = target.credentials.voucherify;
  return createVoucherifyClient({
    baseUrl: target.baseUrl,
    appId: c['X-App-Id'],
    appToken: c['X-App-Token'],
    managementId: c['X-Management-Id'],
    managementToken: c['X-Management-Token'],
  });
}

export function mews(target: ProviderTarget) {
  const c = target.credentials['mews-connector'];
  return createMewsConnectorClient({
    environment: target.baseUrl,
    clientToken: c.ClientToken,
    accessToken: c.AccessToken,
    client: 'vouchspec provider states',
  });
}

/**
 * Checks the answer to a removal: what is gone already (the interaction removed it, or an earlier run did)
 * is fine, anything else that failed is an error naming `what`.
 */
export function expectRemoved(what: string, { response }: { response: Response }): void {
  if (!response.ok && response.status !== 404) throw new Error(`could not ${what}: HTTP ${response.status}`);
}

export { unwrap };
