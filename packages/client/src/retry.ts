import { type OperationContext, requestOperations, responseOperations } from './context.js';
import { RequestTimeoutError } from './errors.js';

export interface RetryOptions {
  /** Total attempts including the first (default 3; 1 disables retries). */
  attempts?: number;
  /** Base of the exponential backoff in ms (default 200); each wait is a random share of base·2^n (full jitter). */
  baseDelayMs?: number;
  /** Longest backoff wait in ms (default 5000). */
  maxDelayMs?: number;
  /** Longest `Retry-After` the client will wait in ms (default 60000); a longer one ends the retries. */
  maxRetryAfterMs?: number;
  /**
   * Also retry operations that are not idempotent (POST and PATCH, apart from reads the spec marks
   * idempotent). Off by default: a retried create may create twice.
   */
  retryNonIdempotent?: boolean;
}

export interface ResilienceOptions {
  /** Per-attempt timeout in ms (default 30000; 0 disables). */
  timeoutMs?: number;
  /** Retry policy, or `false` for a single attempt. */
  retry?: RetryOptions | false;
}

type Fetch = (request: Request) => Promise<Response>;

const retryableStatuses = new Set([429, 502, 503, 504]);

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or undefined when absent/invalid. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Wraps fetch with per-attempt timeouts and retries: 429 (honouring `Retry-After`), 502/503/504 and network
 * errors are retried with jittered exponential backoff, for idempotent operations unless the caller opts
 * in for others. Every attempt sends a fresh clone of the original request, so bodies are re-sent intact.
 * The caller's own AbortSignal always wins: an abort stops the current attempt and any further ones.
 */
export function resilientFetch(baseFetch: Fetch, options: ResilienceOptions, random = Math.random): Fetch {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retry = options.retry === false ? { attempts: 1 } : (options.retry ?? {});
  const attempts = Math.max(1, Math.floor(retry.attempts ?? 3));
  const baseDelayMs = retry.baseDelayMs ?? 200;
  const maxDelayMs = retry.maxDelayMs ?? 5000;
  const maxRetryAfterMs = retry.maxRetryAfterMs ?? 60_000;

  return async (request) => {
    const context: OperationContext | undefined = requestOperations.get(request);
    const operation = context?.operationId ?? `${request.method} ${request.url}`;
    const retriable = context?.idempotent === true || retry.retryNonIdempotent === true;
    const limit = retriable ? attempts : 1;
    const callerSignal = request.signal;

    for (let attempt = 1; ; attempt++) {
      const last = attempt >= limit;
      // Keep the original unread for later attempts; with one attempt there is nothing to keep.
      const outgoing = last && attempt === 1 ? request : request.clone();
      const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
      const signal = timeout ? AbortSignal.any([callerSignal, timeout]) : callerSignal;
      let response: Response;
      try {
        response = await baseFetch(new Request(outgoing, { signal }));
      } catch (error) {
        if (callerSignal.aborted) throw callerSignal.reason;
        const timedOut = timeout?.aborted === true;
        if (last) throw timedOut ? new RequestTimeoutError(operation, timeoutMs, attempt) : error;
        await sleep(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)), callerSignal);
        continue;
      }
      if (!last && retryableStatuses.has(response.status)) {
        const requested = retryAfterMs(response.headers.get('retry-after'));
        if (requested === undefined || requested <= maxRetryAfterMs) {
          await response.body?.cancel();
          const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          await sleep(requested ?? backoff, callerSignal);
          continue;
        }
      }
      if (context) responseOperations.set(response, context);
      return response;
    }
  };
}
