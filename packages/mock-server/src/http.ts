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
  ) {
    super(message);
  }
}
