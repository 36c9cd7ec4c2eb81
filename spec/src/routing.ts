/**
 * Which operation a request addresses: a method and a concrete path (`GET /v1/customers/cust_1`) are matched
 * against the operations' path templates by find-my-way, the router the mock server answers with. A literal
 * segment wins over a parameter (`/v1/customers/importCSV` over `/v1/customers/{customerId}`), a trailing
 * slash and a query string are ignored, and path parameters come back decoded.
 */
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { type ApiId, httpMethods, listOperations, type OperationInfo } from './index.js';

export interface OperationRoute {
  operation: OperationInfo;
  /** The path parameters by the names the template gives them, percent-decoded. */
  pathParameters: Record<string, string>;
}

export interface OperationRouter {
  /** The operation a method and path address, or `undefined` when no operation has that method and path. */
  find(method: string, path: string): OperationRoute | undefined;
  /** The methods (upper case) that have an operation on this path, in the order OpenAPI lists methods. */
  allowedMethods(path: string): string[];
}

export function createOperationRouter(operations: readonly OperationInfo[]): OperationRouter {
  const router = FindMyWay({ ignoreTrailingSlash: true });
  for (const operation of operations)
    router.on(
      operation.method.toUpperCase() as HTTPMethod,
      operation.path.replace(/\{([^}]+)\}/g, ':$1'),
      () => {},
      { operation },
    );
  const find = (method: string, path: string): OperationRoute | undefined => {
    const match = router.find(method.toUpperCase() as HTTPMethod, path);
    if (!match) return undefined;
    return {
      operation: (match.store as { operation: OperationInfo }).operation,
      pathParameters: { ...(match.params as Record<string, string>) },
    };
  };
  return {
    find,
    allowedMethods: (path) => httpMethods.map((m) => m.toUpperCase()).filter((method) => find(method, path)),
  };
}

const routers = new Map<ApiId, OperationRouter>();

/** The router over an API's bundled operations, built on first use. */
export function operationRouter(api: ApiId): OperationRouter {
  let router = routers.get(api);
  if (!router) {
    router = createOperationRouter(listOperations(api));
    routers.set(api, router);
  }
  return router;
}
