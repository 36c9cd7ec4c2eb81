export { defaultCredentials, type MockCredentials, mergeCredentials } from './credentials.js';
export { mockEnterpriseId } from './mews-connector/voucher-codes.js';
export type { Violation } from './proxy/check-exchange.js';
export type { DriftReport, OperationDrift } from './proxy/report.js';
export {
  driftHeader,
  startValidatingProxy,
  type ValidatingProxy,
  type ValidatingProxyOptions,
} from './proxy/start.js';
export type { SeedData } from './seed.js';
export { type MockServer, type MockServerOptions, mockIdentityHeader, startMockServer } from './server.js';
