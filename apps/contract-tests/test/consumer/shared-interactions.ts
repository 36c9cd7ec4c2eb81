/**
 * The interactions many operations share, written once: bad credentials (401), a resource that does not
 * exist (404), an invalid body (400), a conflict (409) and a success that returns nothing (204). Each is
 * recorded from the spec's description of the operation (`spec-call.ts`), with the same checks each test
 * would make. `interactionTable` registers a test per row of such interactions.
 */
import type { PactV4 } from '@pact-foundation/pact';
import type { ProviderStateName } from '@vouchspec/conformance/states';
import { type ApiId, findOperation } from '@vouchspec/spec';
import { expect, it } from 'vitest';
import { requestPath, responseMatcher } from '../../src/spec-matchers.js';
import { credentialsOf, documentedBody, recordSpecCall } from './spec-call.js';

/**
 * `<operationId>: invalid <credentials>` → 401. The path uses the spec's example ids and no provider state:
 * credentials are checked before anything is looked up, so this holds on any server.
 */
export function invalidCredentialsInteraction(
  pact: PactV4,
  api: ApiId,
  operationId: string,
  options: { body?: unknown } = {},
): Promise<void> {
  const op = findOperation(api, operationId);
  const credentials = credentialsOf(api, op);
  const { params } = requestPath(api, op.path);
  return recordSpecCall(pact, {
    api,
    op,
    description: credentials === 'access token' ? 'an invalid access token' : `invalid ${credentials}`,
    path: requestPath(api, op.path, params).path,
    params,
    body: options.body ?? documentedBody(api, op),
    invalid: true,
    status: 401,
    matcher: responseMatcher(api, operationId, 401),
    check: (result) =>
      expect(result?.error).toMatchObject(
        api === 'mews-connector' ? { Message: expect.any(String) } : { code: 401 },
      ),
  });
}

/** The fields of a Voucherify 404 a contract pins to what the request named. */
type Pinned = 'resource_id' | 'resource_type';

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
  /** The id the error names, when the body names what is missing (default: the missing path parameter). */
  resourceId?: string;
  /** The error's fields the contract requires as the request named them (default: both). */
  pin?: Pinned[];
}

/** The 404 of a path that names a project no server has. */
export const unknownProject = (projectId: string): NotFoundCase => ({
  missing: { projectId },
  description: 'a project that does not exist',
  resourceType: 'project',
});

/** `<operationId>: <description>` → 404, the error naming the missing resource. */
export function notFoundInteraction(pact: PactV4, api: ApiId, operationId: string, notFound: NotFoundCase) {
  const op = findOperation(api, operationId);
  const missingId = notFound.resourceId ?? Object.values(notFound.missing)[0];
  const named: Record<Pinned, unknown> = { resource_id: missingId, resource_type: notFound.resourceType };
  const pinned = Object.fromEntries(
    (notFound.pin ?? ['resource_id', 'resource_type']).map((field) => [field, named[field]]),
  );
  return recordSpecCall(pact, {
    api,
    op,
    description: notFound.description,
    given: notFound.given,
    ...requestPath(api, op.path, notFound.missing),
    body: notFound.body ?? documentedBody(api, op),
    status: 404,
    matcher: responseMatcher(
      api,
      operationId,
      404,
      api === 'voucherify'
        ? { include: ['key', ...Object.keys(pinned)], exact: Object.keys(pinned), values: pinned }
        : {},
    ),
    check: (result) => {
      if (api === 'voucherify') expect(result?.error).toMatchObject({ key: 'not_found', ...pinned });
    },
  });
}

export interface InvalidBodyCase {
  /** What is wrong with the body, after the operation id: `a body without the required name`. */
  description: string;
  /** The body as sent, wrong on purpose. */
  body: unknown;
  /** The provider state that creates what the path names; without one, the spec's example ids are used. */
  given?: ProviderStateName;
  /** The error `key` the consumer expects, when it relies on one. */
  key?: string;
}

/** `<operationId>: <description>` → 400, the vendor's invalid-payload error. */
export function invalidBodyInteraction(
  pact: PactV4,
  api: ApiId,
  operationId: string,
  invalid: InvalidBodyCase,
) {
  const op = findOperation(api, operationId);
  const fromState = requestPath(api, op.path);
  return recordSpecCall(pact, {
    api,
    op,
    description: invalid.description,
    given: invalid.given,
    ...(invalid.given ? fromState : requestPath(api, op.path, fromState.params)),
    body: invalid.body,
    status: 400,
    matcher: responseMatcher(api, operationId, 400, api === 'voucherify' ? { include: ['code', 'key'] } : {}),
    check: (result) =>
      expect(result?.error).toMatchObject(
        api === 'mews-connector'
          ? { Message: expect.any(String) }
          : { code: 400, key: invalid.key ?? expect.any(String) },
      ),
  });
}

export interface ConflictCase {
  /** The provider state that holds what the request would create again. */
  given: ProviderStateName;
  stateParams?: Record<string, string>;
  /** What the request repeats, after the operation id: `a second brand for the same project`. */
  description: string;
  /** The body (default: the documented one). */
  body?: unknown;
  /** The error's fields the consumer relies on (default: `key`). */
  include?: string[];
}

/** `<operationId>: <description>` → 409, Voucherify's `duplicate_found`. */
export function conflictInteraction(pact: PactV4, operationId: string, conflict: ConflictCase) {
  const op = findOperation('voucherify', operationId);
  return recordSpecCall(pact, {
    api: 'voucherify',
    op,
    description: conflict.description,
    given: conflict.given,
    stateParams: conflict.stateParams,
    ...requestPath('voucherify', op.path),
    body: conflict.body ?? documentedBody('voucherify', op),
    status: 409,
    matcher: responseMatcher('voucherify', operationId, 409, { include: conflict.include ?? ['key'] }),
    check: (result) => {
      expect(result?.data).toBeUndefined();
      expect(result?.error).toMatchObject({ code: 409, key: 'duplicate_found' });
    },
  });
}

export interface NoContentCase {
  /** The provider state that creates what the path names. */
  given: ProviderStateName;
  stateParams?: Record<string, string>;
  /** Path parameters the pact fixes; the others the provider state fills in. */
  literal?: Record<string, string>;
  /** The body (default: the documented one). */
  body?: unknown;
  /** What the request acts on, after the operation id: `an existing brand`. */
  description: string;
}

/**
 * `<operationId>: <description>` → 204: the operation succeeds on what the provider state created and
 * answers with no body. For Voucherify, whose 204s carry no documented headers.
 */
export function noContentInteraction(
  pact: PactV4,
  api: 'voucherify',
  operationId: string,
  success: NoContentCase,
) {
  const op = findOperation(api, operationId);
  return recordSpecCall(pact, {
    api,
    op,
    description: success.description,
    given: success.given,
    stateParams: success.stateParams,
    ...requestPath(api, op.path, success.literal),
    body: success.body ?? documentedBody(api, op),
    status: 204,
    check: (result) => expect(result?.error).toBeUndefined(),
  });
}

/** A row of an interaction table: an operation and the shared interaction it is expected to answer. */
export type InteractionRow =
  | readonly [operationId: string, 'answers 404', NotFoundCase]
  | readonly [operationId: string, 'answers 409', ConflictCase]
  | readonly [operationId: string, 'answers 204', NoContentCase];

/**
 * A test per operation that rejects invalid credentials, and per row: `<operationId>: answers 404 for a
 * webhook that does not exist`, …
 */
export function interactionTable(
  pact: PactV4,
  api: ApiId,
  invalidCredentials: readonly string[],
  rows: readonly InteractionRow[] = [],
): void {
  for (const operationId of invalidCredentials)
    it(`${operationId}: rejects invalid credentials`, () =>
      invalidCredentialsInteraction(pact, api, operationId));
  for (const row of rows) {
    const [operationId, expected, about] = row;
    it(`${operationId}: ${expected} for ${about.description}`, () => {
      if (row[1] === 'answers 404') return notFoundInteraction(pact, api, operationId, row[2]);
      if (row[1] === 'answers 409') return conflictInteraction(pact, operationId, row[2]);
      return noContentInteraction(pact, 'voucherify', operationId, row[2]);
    });
  }
}
