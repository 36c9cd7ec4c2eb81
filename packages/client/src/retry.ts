import { type OperationContext, responseOperations } from './context.js';
import { RequestTimeoutError } from './errors.js';
import { resilienceSettings } from './options.js';
import type { OutgoingRequest } from './outgoing.js';

export interface RetryOptions {
  /** Total attempts including the first: an integer from 1 to 10 (default 3; 1 disables retries). */
  attempts?: number;
  /**
   * Base of the exponential backoff in ms, 0 to 60000 (default 200); each wait is a random share of
   * base·2^n (full jitter).
   */
  baseDelayMs?: number;
  /** Longest backoff wait in ms, 0 to 300000 (default 5000). */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the client will wait in ms, 0 to 3600000 (default 60000); a longer one ends the
   * retries.
   */
  maxRetryAfterMs?: number;
  /**
   * Also retry operations that are not idempotent (POST and PATCH, apart from reads the spec marks
   * idempotent). Off by default: a retried create may create twice.
   */
  retryNonIdempotent?: boolean;
}

export interface ResilienceOptions {
  /**
   * Per-attempt timeout in ms, up to 2147483647, covering the whole response: headers and body. 0 or unset
   * (the default) is none, like fetch itself: arming it costs a signal per request.
   */
  timeoutMs?: number;
  /** Retry policy, or `false` for a single attempt. */
  retry?: RetryOptions | false;
}

/** A fetch function: it receives the final URL and the init for one attempt. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const retryableStatuses = [429, 502, 503, 504];

/**
 * Milliseconds a `Retry-After` header asks for, or undefined when it is absent or invalid (then the usual
 * backoff applies). RFC 9110 allows delay-seconds, digits only (`Number` would also read `0x3C`, `1e1` or
 * `1.5`), or an HTTP date, taken here in the IMF-fixdate form servers send, exactly: `Date.parse` alone
 * also reads `-5` or `1.5` as dates, and a real IMF-fixdate is what `toUTCString` prints for it.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return !Number.isNaN(date) && new Date(date).toUTCString() === header ? Math.max(0, date - now) : undefined;
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The fetch openapi-fetch calls for one operation: it receives the request openapi-fetch built. */
export type OperationFetch = (request: OutgoingRequest) => Promise<Response>;

/**
 * Wraps fetch with per-attempt timeouts and retries: 429 (honouring `Retry-After`), 502/503/504 and network
 * errors are retried with jittered exponential backoff, for idempotent operations unless the caller opts
 * in for others. Every attempt sends the original serialised body again, intact. The caller's own
 * AbortSignal always wins: an abort stops the current attempt and any further ones.
 *
 * Returns the maker of each operation's fetch, which carries the operation's context (credentials,
 * retries, errors) and whether its caller reads the body as a stream (`parseAs: 'stream'`, which
 * openapi-fetch keeps from fetch).
 */
export function resilientFetch(baseFetch: Fetch, options: ResilienceOptions, random = Math.random) {
  // Checked here, so that a bad option fails the creation of the client rather than some later call.
  const { timeoutMs, attempts, baseDelayMs, maxDelayMs, maxRetryAfterMs, retryNonIdempotent } =
    resilienceSettings(options);
  const backoff = (attempt: number) => random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));

  const send = async (request: OutgoingRequest, context: OperationContext, stream: boolean) => {
    const { init } = request;
    const callerSignal = init.signal;
    // openapi-fetch hands over a Headers object of its own making; the operation's credentials join it.
    for (const name in context.credentials)
      (init.headers as Headers).set(name, context.credentials[name] as string);
    const limit = context.idempotent || retryNonIdempotent ? attempts : 1;

    for (let attempt = 1; ; attempt++) {
      const last = attempt >= limit;
      // A signal costs undici real work per request, so one is attached only when something can abort.
      let signal = callerSignal;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let timedOut = false;
      if (timeoutMs > 0) {
        const controller = new AbortController();
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
        signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
      }
      let response: Response;
      // The wait before the next attempt, when this one's answer asks for a retry.
      let wait: number | undefined;
      try {
        response = await baseFetch(request.url, signal ? { ...init, signal } : init);
        if (!last && retryableStatuses.includes(response.status)) {
          const requested = retryAfterMs(response.headers.get('retry-after'));
          if (requested === undefined || requested <= maxRetryAfterMs) wait = requested ?? backoff(attempt);
        }
        // openapi-fetch reads the body only after fetch returns, beyond this attempt's timer and retries, so
        // a body that stalled after the headers hung the call. With a signal armed (a timeout or the
        // caller's), the body is read here instead, under it, and handed on as a Response over those bytes:
        // a timeout or abort halfway through the body ends the attempt like one before the headers. With
        // no signal nothing needs to end the read, and the copy is spared. A stream the caller asked for
        // (parseAs: 'stream') is theirs to read as it arrives.
        if (signal && wait === undefined && response.body && !stream) {
          const whole = new Response(await response.arrayBuffer(), response);
          // The copy keeps status and headers; of the rest, the URL is what callers read.
          Object.defineProperty(whole, 'url', { value: response.url });
          response = whole;
        }
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (last) throw timedOut ? new RequestTimeoutError(context.operation, timeoutMs, attempt) : error;
        await sleep(backoff(attempt), callerSignal);
        continue;
      } finally {
        clearTimeout(timer);
      }
      if (wait !== undefined) {
        await response.body?.cancel();
        await sleep(wait, callerSignal);
        continue;
      }
      // Only error responses are ever turned into an ApiError, so only they need their operation recorded.
      if (!response.ok) responseOperations.set(response, context);
      return response;
    }
  };
  return (context: OperationContext, stream: boolean): OperationFetch =>
    (request) =>
      send(request, context, stream);
}
