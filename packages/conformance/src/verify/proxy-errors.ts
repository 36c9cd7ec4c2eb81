/**
 * pact-js verifies through an http-proxy it creates without an error handler. When a target drops a request
 * (it stopped, or reset the connection), http-proxy throws outside any promise and leaves the request
 * unanswered, and the verifier waits for its timeout. Answering such a request with a 502 that names the
 * cause fails the interaction at once instead. Applies to every proxy created afterwards in this process.
 */
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

type ProxyServerClass = {
  prototype: { onError: (error: Error & { code?: string }, request: unknown, response: unknown) => void };
};

export function answerDroppedRequests(): void {
  // http-proxy is pact-js's dependency: resolve it from there, to patch the copy pact-js uses.
  const fromPact = createRequire(createRequire(import.meta.url).resolve('@pact-foundation/pact'));
  const ProxyServer = fromPact('http-proxy') as ProxyServerClass;
  ProxyServer.prototype.onError = (error, _request, response) => {
    const res = response as Partial<ServerResponse> | undefined;
    if (!res || typeof res.writeHead !== 'function' || res.headersSent) {
      (response as { destroy?: () => void } | undefined)?.destroy?.();
      return;
    }
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end?.(`the provider dropped the request: ${error.message}${error.code ? ` (${error.code})` : ''}`);
  };
}
