export type { CommonClientOptions } from './client.js';
export { ApiError, MissingCredentialsError, RequestTimeoutError, unwrap } from './errors.js';
export {
  createMewsConnectorClient,
  type MewsConnectorClient,
  type MewsConnectorClientOptions,
  type MewsConnectorPaths,
  type MewsConnectorSchemas,
  type MewsEnvironment,
  mewsPlatformAddress,
} from './mews-connector.js';
export type { BinaryInput } from './multipart.js';
export type { ResilienceOptions, RetryOptions } from './retry.js';
export {
  createVoucherifyClient,
  type VoucherifyClient,
  type VoucherifyClientOptions,
  type VoucherifyCluster,
  type VoucherifyCredentials,
  type VoucherifyPaths,
  type VoucherifySchemas,
  voucherifyBaseUrl,
} from './voucherify.js';
