import { apiIds, listOperations, loadBundle } from '@vouchspec/spec';
import { SchemaValidator } from '@vouchspec/spec/validation';
import { defaultCredentials } from '../src/credentials.js';
import { createMockServer, type MockServerOptions } from '../src/server.js';

export const appKeys = {
  'X-App-Id': defaultCredentials.voucherify['X-App-Id'],
  'X-App-Token': defaultCredentials.voucherify['X-App-Token'],
};
export const managementKeys = {
  'X-Management-Id': defaultCredentials.voucherify['X-Management-Id'],
  'X-Management-Token': defaultCredentials.voucherify['X-Management-Token'],
};
export const mewsTokens = {
  ClientToken: defaultCredentials['mews-connector'].ClientToken,
  AccessToken: defaultCredentials['mews-connector'].AccessToken,
  Client: 'mock-server tests',
};

const validator = new SchemaValidator(Object.fromEntries(apiIds.map((api) => [api, loadBundle(api)])));

/** Validates a body against a named component schema of an API; returns Ajv's errors or undefined. */
export function schemaErrors(api: (typeof apiIds)[number], component: string, body: unknown) {
  const validate = validator.component(api, component);
  return validate(body) ? undefined : validate.errors;
}

export async function startMock(options: MockServerOptions = {}) {
  const server = await createMockServer({ validateResponses: true, ...options });
  async function call(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: unknown; raw?: string } = {},
  ) {
    const hasBody = init.body !== undefined || init.raw !== undefined;
    const response = await fetch(server.url + path, {
      method,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }
  return { server, call };
}

export const allOperations = apiIds.flatMap((api) => listOperations(api));
