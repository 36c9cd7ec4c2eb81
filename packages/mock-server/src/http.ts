/** What a handler returns; the server serialises `body` as JSON when present. */
export interface MockResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers and the pipeline; each API turns it into its own error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers the error calls for, such as a 405's `Allow`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A response ready to write: headers final, body serialised (or streamed, for large admin exports). */
export interface PreparedResponse {
  status: number;
  headers: Record<string, string>;
  payload?: string | AsyncIterable<string>;
}
