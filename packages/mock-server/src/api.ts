import type { IncomingHttpHeaders } from 'node:http';
import type { ApiId, OpenApiDocument, OperationInfo } from '@vouchspec/spec';
import type { CredentialPolicy } from './credentials.js';
import type { HttpError, MockResponse } from './http.js';
import type { MockState } from './state.js';

export interface RequestContext {
  op: OperationInfo;
  params: {
    path: Record<string, string>;
    query: Record<string, unknown>;
    header: Record<string, unknown>;
  };
  headers: IncomingHttpHeaders;
  body: unknown;
  requestId: string;
  state: MockState;
}

/** Synchronous, so that a request's changes to the state are one transaction (see `pipeline/act.ts`). */
export type Handler = (ctx: RequestContext) => MockResponse;

/** Everything that differs between the two vendors' APIs: credentials, error bodies, response headers. */
export interface ApiAdapter {
  id: ApiId;
  doc: OpenApiDocument;
  /** Whether an unknown path belongs to this API, so its 404/405 uses this API's error body. */
  owns(pathname: string): boolean;
  /** Credentials in headers are checked before the body is read; credentials in the body after parsing. */
  credentialsIn: 'headers' | 'body';
  /** An error when the request's credentials do not satisfy the operation's security. */
  authenticate(op: OperationInfo, headers: IncomingHttpHeaders, body: unknown): HttpError | undefined;
  errorResponse(error: HttpError, requestId: string): MockResponse;
  /** Last touches on every response of this API (request id header, `Prefer` handling). */
  finalize(
    response: MockResponse,
    requestId: string,
    op?: OperationInfo,
    headers?: IncomingHttpHeaders,
  ): MockResponse;
  /** Stateful behaviour by operationId; other operations answer with their documented example. */
  handlers: Record<string, Handler>;
}

export type AdapterFactory = (doc: OpenApiDocument, credentials: CredentialPolicy) => ApiAdapter;
