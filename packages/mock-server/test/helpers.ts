import { type ApiId, apiIds, listOperations, loadBundle } from '@vouchspec/spec';
import { SchemaValidator } from '@vouchspec/spec/validation';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { defaultCredentials } from '../src/credentials.js';
import { type MockServerOptions, startMockServer } from '../src/server.js';

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
  const server = await startMockServer({ validateResponses: true, ...options });
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

export type Mock = Awaited<ReturnType<typeof startMock>>;

/**
 * One mock for the test file: started before the tests, closed after them, reset before each one and,
 * when `seed` is given, seeded with what it returns.
 */
export function useMock(options: MockServerOptions & { seed?: () => unknown } = {}): Mock {
  const { seed, ...serverOptions } = options;
  const handle = {} as Mock;
  beforeAll(async () => {
    Object.assign(handle, await startMock(serverOptions));
  });
  beforeEach(() => {
    handle.server.reset();
    if (seed) handle.server.seed(seed());
  });
  afterAll(() => handle.server.close());
  return handle;
}

/** Asserts the Voucherify 404 that names what is missing. */
export function expectNotFound(res: { status: number; body: unknown }, resourceType: string, id: string) {
  expect(res.status).toBe(404);
  expect(res.body).toMatchObject({ key: 'not_found', resource_type: resourceType, resource_id: id });
}

/** The value of one of the spec's named examples, e.g. `Project`. */
export function specExample<T = Record<string, unknown>>(name: string, api: ApiId = 'voucherify'): T {
  const example = loadBundle(api).components?.examples?.[name] as { value?: T } | undefined;
  if (example?.value === undefined) throw new Error(`The ${api} spec has no example named ${name}`);
  return structuredClone(example.value);
}

/** The spec's project example under another id, to seed projects with. */
export function exampleProject(id: string) {
  return { ...specExample('Project'), id };
}
