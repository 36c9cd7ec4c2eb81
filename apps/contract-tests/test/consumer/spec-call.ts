/**
 * One interaction recorded from the spec's description of its operation: the method and path template, the
 * credentials it takes and the documented body come from the bundle, and the call still goes through
 * `@vouchspec/client`. The shared interactions (`shared-interactions.ts`) are all recorded through this.
 */
import type { MatchersV3, PactV4 } from '@pact-foundation/pact';
import type { ProviderStateName } from '@vouchspec/conformance/states';
import type { ApiId, OperationInfo } from '@vouchspec/spec';
import { expect } from 'vitest';
import { invalidCredential, placeholders } from '../../src/credentials.js';
import { requestExample, responseHeaders } from '../../src/spec-matchers.js';
import {
  appKeys,
  invalidAppKeys,
  invalidAppOptions,
  invalidManagementKeys,
  invalidManagementOptions,
  managementKeys,
  mewsClient,
  mewsEnvelope,
  voucherifyClient,
} from './support.js';

export type Credentials = 'management keys' | 'application keys' | 'access token';

/** Which credentials an operation takes: the first alternative of its security requirements. */
export function credentialsOf(api: ApiId, op: OperationInfo): Credentials {
  if (api === 'mews-connector') return 'access token';
  const schemes = Object.keys(op.security[0] ?? {});
  if (schemes.includes('X-Management-Id')) return 'management keys';
  if (schemes.includes('X-App-Id')) return 'application keys';
  throw new Error(`${op.operationId} takes no key pair the helpers know`);
}

/** The key headers a pact records, and the client options that send the invalid ones. */
const keyPairs = {
  'management keys': {
    valid: managementKeys,
    invalid: invalidManagementKeys,
    options: invalidManagementOptions,
  },
  'application keys': { valid: appKeys, invalid: invalidAppKeys, options: invalidAppOptions },
};

/** The documented JSON request body, without the Mews credentials the client adds itself. */
export function documentedBody(api: ApiId, op: OperationInfo): unknown {
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

/** What the client answered. */
export type CallResult = { data?: unknown; error?: unknown; response: Response } | undefined;

export interface SpecCall {
  api: ApiId;
  op: OperationInfo;
  /** After the operation id in the interaction's description. */
  description: string;
  given?: ProviderStateName;
  stateParams?: Record<string, string | string[]>;
  /** The pact's path (with provider-state expressions) and the values the client is called with. */
  path: MatchersV3.Matcher<string> | string;
  params: Record<string, string>;
  /** The query as the pact records it (strings, or provider-state values) and as the client is given it. */
  query?: { pact: Record<string, unknown>; client: Record<string, unknown> };
  body: unknown;
  /** The body as the pact records it, when provider-state values stand in it (default: `body`). */
  pactBody?: unknown;
  /** Send invalid credentials. */
  invalid?: boolean;
  status: number;
  /** The response body's matcher; none for a response without a body. */
  matcher?: unknown;
  /** What the test asserts of the client's answer, besides its status. */
  check?: (result: CallResult) => void;
}

/** Calls the operation through the client, by its method and path template from the spec. */
function call(c: SpecCall, baseUrl: string): Promise<CallResult> | undefined {
  const init = {
    params: { path: c.params, ...(c.query ? { query: c.query.client } : {}) },
    ...(c.body === undefined ? {} : { body: c.body }),
  };
  // The typed methods are generic over the path; a spec-driven call names it at run time.
  type Untyped = Record<string, (path: string, init: unknown) => Promise<CallResult>>;
  const credentials = credentialsOf(c.api, c.op);
  const client =
    credentials === 'access token'
      ? mewsClient(baseUrl, c.invalid ? { accessToken: invalidCredential } : {})
      : voucherifyClient(baseUrl, c.invalid ? keyPairs[credentials].options : {});
  return (client as unknown as Untyped)[c.op.method.toUpperCase()]?.(c.op.path, init);
}

/** The part of pact-js's request and response builders these interactions use. */
type Builder = {
  headers(h: Record<string, unknown>): Builder;
  query(q: Record<string, unknown>): Builder;
  jsonBody(body: unknown): unknown;
};

function requestBuilder({ api, op, invalid, query, body: sent, pactBody }: SpecCall) {
  const body = pactBody ?? sent;
  const credentials = credentialsOf(api, op);
  if (credentials === 'access token') {
    const envelope = mewsEnvelope(invalid ? invalidCredential : placeholders['mews-connector'].AccessToken);
    return (b: Builder) => void b.jsonBody({ ...envelope, ...(body as object) });
  }
  return (b: Builder) => {
    const withHeaders = b.headers(keyPairs[credentials][invalid ? 'invalid' : 'valid']);
    const withQuery = query ? withHeaders.query(query.pact) : withHeaders;
    if (body !== undefined) withQuery.jsonBody(body);
  };
}

function responseBuilder({ api, op, status, matcher }: SpecCall) {
  return (b: Builder) => {
    if (api === 'mews-connector') b.headers(responseHeaders(api, op.operationId, status)).jsonBody(matcher);
    else b.jsonBody(matcher);
  };
}

export async function recordSpecCall(pact: PactV4, c: SpecCall): Promise<void> {
  let interaction = pact.addInteraction();
  if (c.given)
    interaction = c.stateParams ? interaction.given(c.given, c.stateParams) : interaction.given(c.given);
  await interaction
    .uponReceiving(`${c.op.operationId}: ${c.description}`)
    .withRequest(c.op.method.toUpperCase(), c.path, requestBuilder(c) as never)
    .willRespondWith(c.status, c.matcher === undefined ? undefined : (responseBuilder(c) as never))
    .executeTest(async (server) => {
      const result = await call(c, server.url);
      expect(result?.response.status).toBe(c.status);
      c.check?.(result);
    });
}
