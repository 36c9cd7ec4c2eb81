/** What the client knows about the operation behind a request or response, from the generated facts. */
export interface OperationContext {
  api: 'voucherify' | 'mews-connector';
  operationId: string;
  method: string;
  path: string;
  idempotent: boolean;
}

// The same Request object travels from the middleware to fetch, and the Response back to the caller, so
// weak maps carry the operation along without touching what goes on the wire.
export const requestOperations = new WeakMap<Request, OperationContext>();
export const responseOperations = new WeakMap<Response, OperationContext>();
