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
      `${operation} needs ${accepted.map((alternative) => alternative.join(' + ')).join(' or ')}; none was configured`,
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
    super(`${operation} timed out after ${timeoutMs} ms (${attempts} attempts)`);
  }
}

type ErrorBody = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * An error response of either API, with the vendor's fields lifted out: `code`/`key`/`message`/`details`
 * for Voucherify (or the gateway's `statusCode`/`error`/`message`), `Message`/`Details` for Mews, and the
 * request id from the headers or the body. It never holds request headers, so no credential can leak.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  declare readonly status: number;
  declare readonly api: OperationContext['api'] | undefined;
  declare readonly operation: string | undefined;
  declare readonly code: number | undefined;
  declare readonly key: string | undefined;
  declare readonly details: string | undefined;
  declare readonly requestId: string | undefined;
  /** The parsed error body, as the API sent it. */
  declare readonly body: unknown;

  constructor(response: Response, body: unknown) {
    const fields = (body && typeof body === 'object' ? body : {}) as ErrorBody;
    const { status, headers } = response;
    const { api, operation } = responseOperations.get(response) ?? {};
    const key = text(fields.key) ?? text(fields.error);
    const details = text(fields.details) ?? text(fields.Details);
    const summary = [key, text(fields.message) ?? text(fields.Message) ?? text(body), details].filter(
      Boolean,
    );
    super(
      `${operation ?? 'Request'} failed with HTTP ${status}${summary.length ? `: ${summary.join(' — ')}` : ''}`,
    );
    const code = fields.code ?? fields.statusCode;
    Object.assign(this, {
      status,
      api,
      operation,
      code: typeof code === 'number' ? code : undefined,
      key,
      details,
      requestId:
        headers.get('x-request-id') ??
        headers.get('request-id') ??
        text(fields.request_id) ??
        text(fields.RequestId),
      body,
    });
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
