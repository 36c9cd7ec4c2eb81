export { defaultCredentials, type MockCredentials, mergeCredentials } from './credentials.js';
export { mockEnterpriseId } from './mews-connector/voucher-codes.js';
export type { SeedData } from './seed.js';
export { type MockServer, type MockServerOptions, mockIdentityHeader, startMockServer } from './server.js';
