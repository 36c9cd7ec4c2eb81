/** What the client knows about the operation behind a request or response, from the generated facts. */
export interface OperationContext {
  api: 'voucherify' | 'mews-connector';
  /** The operation as `METHOD /path/{template}`, e.g. `GET /v1/customers/{customerId}`. */
  operation: string;
  /** The credential headers the operation carries (resolved once per client), if any. */
  credentials?: Record<string, string>;
  idempotent: boolean;
  /** The multipart body serializer of an upload operation. */
  multipart?: ((body: unknown) => FormData) | undefined;
}

/** The operation behind each response, for the errors built from it. */
export const responseOperations = new WeakMap<Response, OperationContext>();
