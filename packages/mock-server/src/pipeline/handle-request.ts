/**
 * The request pipeline: one linear sequence of stages, each in its own module with its own tests. A stage
 * either passes the request on or throws an `HttpError`, which becomes the vendor's error body; anything else
 * thrown is a bug in the mock and answers 500.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiAdapter } from '../api.js';
import { HttpError, type MockResponse, type PreparedResponse } from '../http.js';
import { requestId as newRequestId } from '../ids.js';
import type { CompiledOperation } from '../operations.js';
import type { WorldChooser } from '../worlds/choose.js';
import { type ActLimits, act } from './act.js';
import { type BodyLimits, mediaTypeOf, parseBody, readBody } from './body.js';
import { checkResponse } from './check-response.js';
import { collectParameters, validateRequest } from './parameters.js';
import type { Router } from './route.js';

export interface Pipeline {
  router: Router;
  /** Picks the world a request acts on, from its credentials or `X-Vouchspec-World`. */
  world: WorldChooser;
  limits: BodyLimits & ActLimits;
  /** Response validators per operation, in validating mode only. */
  responseValidators?: Map<CompiledOperation, Parameters<typeof checkResponse>[1]>;
  /** Headers every response carries (the mock's identity). */
  headers: Record<string, string>;
}

export interface Handled {
  response: PreparedResponse;
  /** `api:operationId`, for the log line. */
  operation?: string;
}

export async function handleRequest(pipeline: Pipeline, req: IncomingMessage): Promise<Handled> {
  const requestId = newRequestId();
  const method = (req.method ?? 'GET').toUpperCase();
  const [pathname = '/', search = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
  let adapter: ApiAdapter = pipeline.router.apiOf(pathname);
  let compiled: CompiledOperation | undefined;
  try {
    // 1. Route: which operation, and its path parameters.
    const route = pipeline.router.find(method, pathname);
    compiled = route.compiled;
    adapter = compiled.adapter;
    const { op } = compiled;

    // 2. Authenticate what the headers carry, before reading a body that may not be wanted.
    if (adapter.credentialsIn === 'headers') {
      const denied = adapter.authenticate(op, req.headers, undefined);
      if (denied) throw denied;
    }

    // 3. Read and parse the body (size, media type, UTF-8, nesting, prototype keys).
    const contentType = req.headers['content-type'];
    const mediaType = mediaTypeOf(contentType);
    const raw = await readBody(req, pipeline.limits.maxBodyBytes);
    const body = await parseBody(compiled, mediaType, contentType, raw, pipeline.limits);

    // 4. Authenticate what the body carries (Mews tokens).
    if (adapter.credentialsIn === 'body') {
      const denied = adapter.authenticate(op, req.headers, body);
      if (denied) throw denied;
    }

    // 5. Validate parameters and body against the spec.
    const params = collectParameters(compiled, route.pathParameters, search, req.headers);
    validateRequest(compiled, params, mediaType, body);

    // 6. World: the isolated state the credentials or X-Vouchspec-World name (made only for valid requests).
    const { state } = pipeline.world(req.headers, body);

    // 7. Act: the handler's changes, the response check and serialising succeed or fail together.
    const validators = pipeline.responseValidators?.get(compiled);
    const ctx = { op, params, headers: req.headers, body, requestId, state };
    const response = act(ctx, compiled.handler, pipeline.limits, (handled) => {
      if (validators) checkResponse(handled, validators);
      return prepare(pipeline, adapter.finalize(handled, requestId, op, req.headers));
    });
    return { response, operation: `${op.api}:${op.operationId}` };
  } catch (error) {
    // 8. Errors: the vendor's error body, with the headers the error calls for.
    req.resume();
    const operation = compiled ? `${compiled.op.api}:${compiled.op.operationId}` : undefined;
    // Anything but an HttpError is a bug in the mock, never a reaction to input: report it, do not hide it.
    if (!(error instanceof HttpError)) console.error(error);
    const failure =
      error instanceof HttpError ? error : new HttpError(500, `Mock failure: ${(error as Error).message}`);
    const response = adapter.errorResponse(failure, requestId);
    const finalized = adapter.finalize(
      { ...response, headers: { ...response.headers, ...failure.headers } },
      requestId,
      compiled?.op,
      req.headers,
    );
    return { response: prepare(pipeline, finalized), operation };
  }
}

/** Serialises a response (JSON, or no body for 204 and bodiless answers) with the headers every one carries. */
export function prepare(pipeline: Pick<Pipeline, 'headers'>, response: MockResponse): PreparedResponse {
  const headers = { ...response.headers, ...pipeline.headers };
  if (response.body === undefined || response.status === 204) return { status: response.status, headers };
  return {
    status: response.status,
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    payload: JSON.stringify(response.body),
  };
}
