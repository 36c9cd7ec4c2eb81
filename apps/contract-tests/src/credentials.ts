/**
 * The credentials the consumer tests record: the mock server's public placeholders, so a pact replays
 * against the mock as is; the conformance suite swaps real values in at verification time.
 */
import { defaultCredentials, type MockCredentials } from '@vouchspec/mock-server';

export const placeholders: MockCredentials = defaultCredentials;

/** Client options that make `@vouchspec/client` send the placeholders. */
export const placeholderVoucherifyCredentials = {
  appId: placeholders.voucherify['X-App-Id'],
  appToken: placeholders.voucherify['X-App-Token'],
  managementId: placeholders.voucherify['X-Management-Id'],
  managementToken: placeholders.voucherify['X-Management-Token'],
  oauthToken: placeholders.voucherify['X-Voucherify-OAuth'],
};

export const placeholderMewsCredentials = {
  clientToken: placeholders['mews-connector'].ClientToken,
  accessToken: placeholders['mews-connector'].AccessToken,
  client: 'vouchspec contract tests 1.0.0',
};

/** Values that no server accepts, for the 401 interactions. */
export const invalidCredential = 'invalid-credential';
