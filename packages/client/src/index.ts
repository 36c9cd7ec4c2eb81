export { MissingCredentialsError } from './errors.js';
export {
  createMewsConnectorClient,
  type MewsConnectorClient,
  type MewsConnectorClientOptions,
  type MewsConnectorPaths,
  type MewsConnectorSchemas,
  type MewsEnvironment,
  mewsPlatformAddress,
} from './mews-connector.js';
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
