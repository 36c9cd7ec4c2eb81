import { type OperationContext, responseOperations } from './context.js';

/**
 * Thrown before a request is sent when the client was not given the credentials its operation requires.
 * `operation` is `METHOD /path/{template}`; `accepted` lists the option names of each accepted alternative.
 */
export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
  constructor(
    readonly operation: string,
    readonly accepted: readonly (readonly string[])[],
  ) {
    super(
      `${operation} needs ${accepted.map((alternative) => alternative.join(' + ')).join(' or ')}, ` +
        'and the client has none of them',
    );
  }
}

/** Thrown when an attempt exceeds `timeoutMs` and no retry is left. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
    readonly attempts: number,
  ) {
    super(`${operation} timed out after ${timeoutMs} ms, attempts: ${attempts}`);
  }
}

type ErrorBody = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * An error response of either API, with the vendor's fields lifted out: `code`/`key`/`message`/`details`
 * for Voucherify (or the gateway's `statusCode`/`error`/`message`), `Message`/`Details` for Mews, and the
 * request id from the headers or the body. It never holds request headers, so no credential can leak.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly api: OperationContext['api'] | undefined;
  readonly operation: string | undefined;
  readonly code: number | undefined;
  readonly key: string | undefined;
  readonly details: string | undefined;
  readonly requestId: string | undefined;
  /** The parsed error body, as the API sent it. */
  readonly body: unknown;

  constructor(response: Response, body: unknown) {
    const fields = (body && typeof body === 'object' ? body : {}) as ErrorBody;
    const context = responseOperations.get(response);
    const key = text(fields.key) ?? text(fields.error);
    const details = text(fields.details) ?? text(fields.Details);
    const summary = [key, text(fields.message) ?? text(fields.Message) ?? text(body), details].filter(
      Boolean,
    );
    super(
      `${context?.operation ?? 'Request'} failed with HTTP ${response.status}${summary.length ? `: ${summary.join(' — ')}` : ''}`,
    );
    this.status = response.status;
    this.api = context?.api;
    this.operation = context?.operation;
    const code = fields.code ?? fields.statusCode;
    this.code = typeof code === 'number' ? code : undefined;
    this.key = key;
    this.details = details;
    const headers = response.headers;
    this.requestId =
      headers.get('x-request-id') ??
      headers.get('request-id') ??
      text(fields.request_id) ??
      text(fields.RequestId);
    this.body = body;
  }
}

/**
 * The data of a successful call, or an `ApiError` thrown for an error response:
 * `const customer = unwrap(await client.GET(…))`.
 */
export function unwrap<Data>(result: { data?: Data; error?: unknown; response: Response }): Data {
  if (!result.response.ok) throw new ApiError(result.response, result.error);
  return result.data as Data;
}
