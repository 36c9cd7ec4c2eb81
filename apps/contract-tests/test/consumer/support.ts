/** What every consumer test file shares: the pact per provider, placeholder credentials, and clients. */
import { MatchersV3 } from '@pact-foundation/pact';
import {
  createMewsConnectorClient,
  createVoucherifyClient,
  type MewsConnectorClientOptions,
  unwrap,
  type VoucherifyClientOptions,
} from '@vouchspec/client';
import {
  invalidCredential,
  placeholderMewsCredentials,
  placeholders,
  placeholderVoucherifyCredentials,
} from '../../src/credentials.js';

export { providerStateNames as states } from '@vouchspec/conformance/states';
export { createPact } from '../../src/pact.js';
export { requestExample, requestPath, responseHeaders, responseMatcher } from '../../src/spec-matchers.js';
/** A client result's data, or an ApiError thrown with the status and body (`.then(unwrap)`). */
export { invalidCredential, placeholders, unwrap };

/** Values the verifier fills in from what a provider state returned (ids the server generates). */
export const { fromProviderState } = MatchersV3;

/** The placeholder credential headers the client sends, as the pact records them. */
export const appKeys = {
  'X-App-Id': placeholders.voucherify['X-App-Id'],
  'X-App-Token': placeholders.voucherify['X-App-Token'],
};
export const managementKeys = {
  'X-Management-Id': placeholders.voucherify['X-Management-Id'],
  'X-Management-Token': placeholders.voucherify['X-Management-Token'],
};
export const invalidAppKeys = { 'X-App-Id': invalidCredential, 'X-App-Token': invalidCredential };
export const invalidManagementKeys = {
  'X-Management-Id': invalidCredential,
  'X-Management-Token': invalidCredential,
};

/** Client options (for `voucherifyClient(url, …)`) that send the invalid keys above. */
export const invalidAppOptions = { appId: invalidCredential, appToken: invalidCredential };
export const invalidManagementOptions = {
  managementId: invalidCredential,
  managementToken: invalidCredential,
};

/** The Mews credentials every body carries, as the pact records them. */
export const mewsEnvelope = (accessToken = placeholders['mews-connector'].AccessToken) => ({
  ClientToken: placeholders['mews-connector'].ClientToken,
  AccessToken: accessToken,
  Client: placeholderMewsCredentials.client,
});

/** A Voucherify client on the Pact mock server; retries off, so a mismatch is reported once. */
export function voucherifyClient(baseUrl: string, overrides: VoucherifyClientOptions = {}) {
  return createVoucherifyClient({ baseUrl, ...placeholderVoucherifyCredentials, retry: false, ...overrides });
}

/** A Mews client on the Pact mock server; retries off. */
export function mewsClient(baseUrl: string, overrides: Partial<MewsConnectorClientOptions> = {}) {
  return createMewsConnectorClient({
    environment: baseUrl,
    ...placeholderMewsCredentials,
    retry: false,
    ...overrides,
  });
}
