/**
 * The interactions many operations share, written once: bad credentials (401), a resource that does not
 * exist (404), an invalid body (400) and a success that returns nothing (204). Method, path, credentials
 * and bodies come from the spec's description of the operation; the call still goes through
 * `@vouchspec/client`, with the same checks each test would make.
 */
import type { PactV4 } from '@pact-foundation/pact';
import type { ProviderStateName } from '@vouchspec/conformance/states';
import { type ApiId, findOperation, type OperationInfo } from '@vouchspec/spec';
import { expect } from 'vitest';
import { invalidCredential, placeholders } from '../../src/credentials.js';
import { requestExample, requestPath, responseHeaders, responseMatcher } from '../../src/spec-matchers.js';
import { appKeys, managementKeys, mewsClient, mewsEnvelope, voucherifyClient } from './support.js';

type Credentials = 'management keys' | 'application keys' | 'access token';

/** Which credentials an operation takes: the first alternative of its security requirements. */
function credentialsOf(api: ApiId, op: OperationInfo): Credentials {
  if (api === 'mews-connector') return 'access token';
  const schemes = Object.keys(op.security[0] ?? {});
  if (schemes.includes('X-Management-Id')) return 'management keys';
  if (schemes.includes('X-App-Id')) return 'application keys';
  throw new Error(`${op.operationId} takes no key pair the helpers know`);
}

const headersFor: Record<
  Exclude<Credentials, 'access token'>,
  { valid: Record<string, string>; invalid: Record<string, string> }
> = {
  'management keys': {
    valid: managementKeys,
    invalid: { 'X-Management-Id': invalidCredential, 'X-Management-Token': invalidCredential },
  },
  'application keys': {
    valid: appKeys,
    invalid: { 'X-App-Id': invalidCredential, 'X-App-Token': invalidCredential },
  },
};

/** The documented JSON request body, without the Mews credentials the client adds itself. */
function documentedBody(api: ApiId, op: OperationInfo): unknown {
  const media = Object.keys(op.requestBody?.content ?? {})[0];
  if (!media) return undefined;
  if (media !== 'application/json')
    throw new Error(`${op.operationId} takes ${media}: write its error interactions by hand`);
  const body = requestExample<Record<string, unknown>>(api, op.operationId);
  if (api === 'mews-connector') {
    const { ClientToken: _c, AccessToken: _a, Client: _n, ...rest } = body;
    return rest;
  }
  return body;
}

interface Call {
  api: ApiId;
  op: OperationInfo;
  baseUrl: string;
  invalid: boolean;
  params: Record<string, string>;
  body: unknown;
}

/** Calls the operation through the client, by its method and path template from the spec. */
function call({ api, op, baseUrl, invalid, params, body }: Call) {
  const init = { params: { path: params }, ...(body === undefined ? {} : { body }) };
  const method = op.method.toUpperCase();
  // The typed methods are generic over the path; a spec-driven call names it at run time.
  type Untyped = Record<
    string,
    (path: string, init: unknown) => Promise<{ error?: unknown; response: Response }>
  >;
  if (api === 'mews-connector') {
    const client = mewsClient(
      baseUrl,
      invalid ? { accessToken: invalidCredential } : {},
    ) as unknown as Untyped;
    return client[method]?.(op.path, init);
  }
  const credentials = credentialsOf(api, op);
  const options =
    invalid && credentials === 'management keys'
      ? { managementId: invalidCredential, managementToken: invalidCredential }
      : invalid
        ? { appId: invalidCredential, appToken: invalidCredential }
        : {};
  const client = voucherifyClient(baseUrl, options) as unknown as Untyped;
  return client[method]?.(op.path, init);
}

function requestBuilder(api: ApiId, op: OperationInfo, invalid: boolean, body: unknown) {
  const credentials = credentialsOf(api, op);
  if (credentials === 'access token') {
    const envelope = mewsEnvelope(invalid ? invalidCredential : placeholders['mews-connector'].AccessToken);
    return (b: { jsonBody(body: unknown): unknown }) => {
      b.jsonBody({ ...envelope, ...(body as object) });
    };
  }
  const headers = headersFor[credentials][invalid ? 'invalid' : 'valid'];
  return (b: { headers(headers: Record<string, string>): { jsonBody(body: unknown): unknown } }) => {
    const withHeaders = b.headers(headers);
    if (body !== undefined) withHeaders.jsonBody(body);
  };
}

function responseBuilder(api: ApiId, op: OperationInfo, status: number, matcher: unknown) {
  return (b: {
    headers(h: Record<string, unknown>): { jsonBody(body: unknown): unknown };
    jsonBody(body: unknown): unknown;
  }) => {
    if (api === 'mews-connector') b.headers(responseHeaders(api, op.operationId, status)).jsonBody(matcher);
    else b.jsonBody(matcher);
  };
}

/**
 * `<operationId>: invalid <credentials>` → 401. The path uses the spec's example ids and no provider state:
 * credentials are checked before anything is looked up, so this holds on any server.
 */
export async function invalidCredentialsInteraction(
  pact: PactV4,
  api: ApiId,
  operationId: string,
  options: { body?: unknown } = {},
): Promise<void> {
  const op = findOperation(api, operationId);
  const credentials = credentialsOf(api, op);
  const { params } = requestPath(api, op.path);
  const { path } = requestPath(api, op.path, params);
  const body = options.body ?? documentedBody(api, op);
  await pact
    .addInteraction()
    .uponReceiving(
      `${operationId}: ${credentials === 'access token' ? 'an invalid access token' : `invalid ${credentials}`}`,
    )
    .withRequest(op.method.toUpperCase(), path, requestBuilder(api, op, true, body) as never)
    .willRespondWith(401, responseBuilder(api, op, 401, responseMatcher(api, operationId, 401)) as never)
    .executeTest(async (server) => {
      const result = await call({ api, op, baseUrl: server.url, invalid: true, params, body });
      expect(result?.response.status).toBe(401);
      if (api === 'mews-connector') expect(result?.error).toMatchObject({ Message: expect.any(String) });
      else expect(result?.error).toMatchObject({ code: 401 });
    });
}

export interface NotFoundCase {
  /** The path parameters that name nothing, e.g. `{ webhookId: 'wh_…' }`; the others come from `given`. */
  missing: Record<string, string>;
  /** What is missing, after the operation id: `a webhook that does not exist`. */
  description: string;
  /** The `resource_type` the error names (Voucherify errors always name one). */
  resourceType: string;
  /** The provider state that creates the resources the path names besides the missing one. */
  given?: ProviderStateName;
  body?: unknown;
}

/** `<operationId>: <description>` → 404, the error naming the missing resource. */
export async function notFoundInteraction(
  pact: PactV4,
  api: ApiId,
  operationId: string,
  notFound: NotFoundCase,
): Promise<void> {
  const op = findOperation(api, operationId);
  const { path, params } = requestPath(api, op.path, notFound.missing);
  const body = notFound.body ?? documentedBody(api, op);
  const [missingId] = Object.values(notFound.missing);
  const pinned =
    api === 'voucherify'
      ? {
          include: ['key', 'resource_id', 'resource_type'],
          exact: ['resource_id', ...(notFound.resourceType ? ['resource_type'] : [])],
          values: {
            resource_id: missingId,
            ...(notFound.resourceType ? { resource_type: notFound.resourceType } : {}),
          },
        }
      : {};
  let interaction = pact.addInteraction();
  if (notFound.given) interaction = interaction.given(notFound.given);
  await interaction
    .uponReceiving(`${operationId}: ${notFound.description}`)
    .withRequest(op.method.toUpperCase(), path, requestBuilder(api, op, false, body) as never)
    .willRespondWith(
      404,
      responseBuilder(api, op, 404, responseMatcher(api, operationId, 404, pinned)) as never,
    )
    .executeTest(async (server) => {
      const result = await call({ api, op, baseUrl: server.url, invalid: false, params, body });
      expect(result?.response.status).toBe(404);
      if (api === 'voucherify')
        expect(result?.error).toMatchObject({
          key: 'not_found',
          resource_id: missingId,
          resource_type: notFound.resourceType,
        });
    });
}

export interface InvalidBodyCase {
  /** What is wrong with the body, after the operation id: `a body without the required name`. */
  description: string;
  /** The body as sent, wrong on purpose. */
  body: unknown;
  /** The provider state that creates what the path names; without one, the spec's example ids are used. */
  given?: ProviderStateName;
}

/** `<operationId>: <description>` → 400, the vendor's invalid-payload error. */
export async function invalidBodyInteraction(
  pact: PactV4,
  api: ApiId,
  operationId: string,
  invalid: InvalidBodyCase,
): Promise<void> {
  const op = findOperation(api, operationId);
  const fromState = requestPath(api, op.path);
  const { path, params } = invalid.given ? fromState : requestPath(api, op.path, fromState.params);
  const matcher = responseMatcher(
    api,
    operationId,
    400,
    api === 'voucherify' ? { include: ['code', 'key'] } : {},
  );
  let interaction = pact.addInteraction();
  if (invalid.given) interaction = interaction.given(invalid.given);
  await interaction
    .uponReceiving(`${operationId}: ${invalid.description}`)
    .withRequest(op.method.toUpperCase(), path, requestBuilder(api, op, false, invalid.body) as never)
    .willRespondWith(400, responseBuilder(api, op, 400, matcher) as never)
    .executeTest(async (server) => {
      const result = await call({ api, op, baseUrl: server.url, invalid: false, params, body: invalid.body });
      expect(result?.response.status).toBe(400);
      if (api === 'mews-connector') expect(result?.error).toMatchObject({ Message: expect.any(String) });
      else expect(result?.error).toMatchObject({ code: 400, key: expect.any(String) });
    });
}

export interface NoContentCase {
  /** The provider state that creates what the path names. */
  given: ProviderStateName;
  /** What the request acts on, after the operation id: `an existing brand`. */
  description: string;
}

/**
 * `<operationId>: <description>` → 204: the operation succeeds on what the provider state created and
 * answers with no body. For Voucherify, whose 204s carry no documented headers.
 */
export async function noContentInteraction(
  pact: PactV4,
  api: 'voucherify',
  operationId: string,
  success: NoContentCase,
): Promise<void> {
  const op = findOperation(api, operationId);
  const { path, params } = requestPath(api, op.path);
  const body = documentedBody(api, op);
  await pact
    .addInteraction()
    .given(success.given)
    .uponReceiving(`${operationId}: ${success.description}`)
    .withRequest(op.method.toUpperCase(), path, requestBuilder(api, op, false, body) as never)
    .willRespondWith(204)
    .executeTest(async (server) => {
      const result = await call({ api, op, baseUrl: server.url, invalid: false, params, body });
      expect(result?.error).toBeUndefined();
      expect(result?.response.status).toBe(204);
    });
}
