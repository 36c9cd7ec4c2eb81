/**
 * What the stage tests call the stages with: the spec's real operations, compiled as the mock compiles
 * them, each API's adapter in the default credentials mode (any well-formed ones), and requests without a server behind them.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { type ApiId, apiIds, findOperation, listOperations, loadBundle } from '@vouchspec/spec';
import { SchemaValidator } from '@vouchspec/spec/validation';
import type { ApiAdapter, RequestContext } from '../../src/api.js';
import { type CredentialPolicy, credentialPolicy } from '../../src/credentials.js';
import { createMewsConnectorAdapter } from '../../src/mews-connector/adapter.js';
import { type CompiledOperation, compileOperation } from '../../src/operations.js';
import type { MockState } from '../../src/state.js';
import { createVoucherifyAdapter } from '../../src/voucherify/adapter.js';

const docs = { voucherify: loadBundle('voucherify'), 'mews-connector': loadBundle('mews-connector') };
export const validator = new SchemaValidator(docs);

export function createAdapters(credentials: CredentialPolicy = credentialPolicy(undefined)) {
  return {
    voucherify: createVoucherifyAdapter(docs.voucherify, credentials),
    'mews-connector': createMewsConnectorAdapter(docs['mews-connector'], credentials),
  } satisfies Record<ApiId, ApiAdapter>;
}

export const adapters = createAdapters();

/** One operation of the spec, ready to serve. */
export function compiled(api: ApiId, operationId: string): CompiledOperation {
  return compileOperation(findOperation(api, operationId), adapters[api], validator);
}

/** Every operation of both APIs, as the server compiles them. */
export const allCompiled = (): CompiledOperation[] =>
  apiIds.flatMap((api) => listOperations(api).map((op) => compileOperation(op, adapters[api], validator)));

/** A request as Node's server hands it over: its head, and its body as a stream. */
export function incoming(
  method: string,
  url: string,
  headers: IncomingHttpHeaders = {},
  body?: Buffer | string,
): IncomingMessage {
  const stream = Readable.from(body === undefined ? [] : [Buffer.from(body)]);
  return Object.assign(stream, { method, url, headers }) as unknown as IncomingMessage;
}

/** What a handler gets for an operation, with no parameters and no body. */
export function contextFor(state: MockState, api: ApiId, operationId: string): RequestContext {
  return {
    op: findOperation(api, operationId),
    params: { path: {}, query: {}, header: {} },
    headers: {},
    body: undefined,
    requestId: 'v-test',
    state,
  };
}
