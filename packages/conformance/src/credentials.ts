/**
 * The credentials pact files hold: the mock server's public placeholders. Real values come only from the
 * environment, and only at verification time (see `config.ts`).
 */
import { defaultCredentials, type MockCredentials } from '@vouchspec/mock-server';

export const placeholders: MockCredentials = defaultCredentials;
