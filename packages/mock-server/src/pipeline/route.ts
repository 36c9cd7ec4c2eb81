/**
 * Stage: find the operation a request addresses, or the 404/405 its API answers when there is none. Which
 * operation a method and path belong to is the spec runtime's routing; this stage adds only the errors.
 */
import { createOperationRouter, type OperationInfo } from '@vouchspec/spec';
import type { ApiAdapter } from '../api.js';
import { HttpError } from '../http.js';
import type { CompiledOperation } from '../operations.js';

export interface Route {
  compiled: CompiledOperation;
  pathParameters: Record<string, string>;
}

export interface Router {
  find(method: string, pathname: string): Route;
  /** The API an unrouted path belongs to, for the shape of its error body. */
  apiOf(pathname: string): ApiAdapter;
}

export function createRouter(
  operations: readonly CompiledOperation[],
  adapters: readonly ApiAdapter[],
): Router {
  const router = createOperationRouter(operations.map((compiled) => compiled.op));
  const compiledOf = new Map<OperationInfo, CompiledOperation>(operations.map((c) => [c.op, c]));
  const apiOf = (pathname: string) => adapters.find((a) => a.owns(pathname)) ?? (adapters[0] as ApiAdapter);
  return {
    apiOf,
    find(method, pathname) {
      const route = router.find(method, pathname);
      if (route) {
        return {
          compiled: compiledOf.get(route.operation) as CompiledOperation,
          pathParameters: route.pathParameters,
        };
      }
      const allowed = router.allowedMethods(pathname).filter((m) => m !== method);
      if (allowed.length > 0) {
        throw new HttpError(
          405,
          'Method not allowed',
          `${method} is not supported on ${pathname}; use ${allowed.join(', ')}.`,
          {},
          { Allow: allowed.join(', ') },
        );
      }
      throw new HttpError(404, 'Resource not found', `No operation ${method} ${pathname}.`);
    },
  };
}
