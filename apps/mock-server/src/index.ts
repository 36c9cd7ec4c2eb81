export { defaultCredentials, type MockCredentials, mergeCredentials } from './credentials.js';
export { mockEnterpriseId } from './resources/voucher-codes.js';
export type { SeedData } from './seed.js';
export { createMockServer, type MockServer, type MockServerOptions } from './server.js';
