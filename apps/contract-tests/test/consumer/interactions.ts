/**
 * An operation's own interactions, recorded from the spec's description of it, with the assertions the
 * test gives: a success, or an error the shared interactions do not cover. The path's ids are filled in by
 * the provider state unless the test fixes them (`literal`).
 */
import type { PactV4 } from '@pact-foundation/pact';
import { unwrap } from '@vouchspec/client';
import type { ProviderStateName } from '@vouchspec/conformance/states';
import { findOperation } from '@vouchspec/spec';
import type { VoucherifyOperations } from '@vouchspec/spec/types';
import { type MatcherOptions, requestPath, responseMatcher } from '../../src/spec-matchers.js';
import { type CallResult, documentedBody, recordSpecCall, type SpecCall } from './spec-call.js';

type VoucherifyOperation = keyof VoucherifyOperations;
/** The JSON body an operation answers with `status`, as the client types it. */
type ResponseBody<
  Op extends VoucherifyOperation,
  Status extends number,
> = VoucherifyOperations[Op]['responses'] extends {
  [status in Status]: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

type PathIds = Record<string, string>;
/** An error body as the tests read it: its fields differ by status and API. */
type ErrorBody = Record<string, unknown>;

export interface OperationCase {
  given?: ProviderStateName;
  stateParams?: SpecCall['stateParams'];
  /** What the request asks for, after the operation id: `the schemas of a project with one`. */
  description: string;
  /** Path parameters the pact fixes; the others the provider state fills in. */
  literal?: PathIds;
  /** The path as the pact records it, when a state value stands for a parameter of another name. */
  pactPath?: SpecCall['path'];
  query?: SpecCall['query'];
  /** The body sent (default: the documented one). */
  body?: unknown;
  /** The body as the pact records it, when provider-state values stand in it (default: `body`). */
  pactBody?: unknown;
  /** How the response body is matched beyond its schema (see `MatcherOptions`); given the path's ids. */
  matcher?: MatcherOptions | ((params: PathIds) => MatcherOptions);
}

function specCall(operationId: string, c: OperationCase, status: number) {
  const op = findOperation('voucherify', operationId);
  const { path, params } = requestPath('voucherify', op.path, c.literal);
  const options = typeof c.matcher === 'function' ? c.matcher(params) : c.matcher;
  return {
    params,
    call: {
      api: 'voucherify',
      op,
      description: c.description,
      given: c.given,
      stateParams: c.stateParams,
      path: c.pactPath ?? path,
      params,
      query: c.query,
      body: c.body ?? documentedBody('voucherify', op),
      pactBody: c.pactBody,
      status,
      matcher: responseMatcher('voucherify', operationId, status, options),
    } satisfies SpecCall,
  };
}

/** `<operationId>: <description>` → a success with a JSON body, which `check` asserts. */
export function successInteraction<Op extends VoucherifyOperation, Status extends 200 | 202 = 200>(
  pact: PactV4,
  operationId: Op,
  success: OperationCase & {
    status?: Status;
    check: (body: ResponseBody<Op, Status>, params: PathIds) => void;
  },
): Promise<void> {
  const { call, params } = specCall(operationId, success, success.status ?? 200);
  return recordSpecCall(pact, {
    ...call,
    check: (result: CallResult) =>
      success.check(unwrap(result as Parameters<typeof unwrap>[0]) as ResponseBody<Op, Status>, params),
  });
}

/** `<operationId>: <description>` → an error with `status`, whose body `check` asserts. */
export function errorInteraction(
  pact: PactV4,
  operationId: VoucherifyOperation,
  failure: OperationCase & {
    status: number;
    /** What the consumer asserts of the error body, besides the status. */
    check?: (error: ErrorBody | undefined, params: PathIds) => void;
  },
): Promise<void> {
  const { call, params } = specCall(operationId, failure, failure.status);
  return recordSpecCall(pact, {
    ...call,
    check: (result) => failure.check?.(result?.error as ErrorBody | undefined, params),
  });
}
