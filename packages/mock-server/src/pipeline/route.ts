/** Stage: find the operation a request addresses, or the 404/405 its API answers when there is none. */
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { ApiAdapter } from '../api.js';
import { HttpError } from '../http.js';
import type { CompiledOperation } from '../operations.js';

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

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
  const router = FindMyWay({ ignoreTrailingSlash: true });
  for (const compiled of operations) {
    const { method, path } = compiled.op;
    router.on(method.toUpperCase() as HTTPMethod, path.replace(/\{([^}]+)\}/g, ':$1'), () => {}, {
      compiled,
    });
  }
  const apiOf = (pathname: string) => adapters.find((a) => a.owns(pathname)) ?? (adapters[0] as ApiAdapter);
  return {
    apiOf,
    find(method, pathname) {
      const match = router.find(method as HTTPMethod, pathname);
      if (match) {
        return {
          compiled: (match.store as { compiled: CompiledOperation }).compiled,
          pathParameters: { ...(match.params as Record<string, string>) },
        };
      }
      const allowed = methods.filter((m) => m !== method && router.find(m, pathname));
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
