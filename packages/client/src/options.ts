import type { ResilienceOptions } from './retry.js';

/**
 * The largest value of each numeric option. A timer takes at most 2^31 - 1 ms (a longer one fires at
 * once); the others are bounds no sensible policy reaches: 10 attempts, a minute of base delay, five
 * minutes of backoff, an hour of `Retry-After`.
 */
const maxima = {
  timeoutMs: 2_147_483_647,
  attempts: 10,
  baseDelayMs: 60_000,
  maxDelayMs: 300_000,
  maxRetryAfterMs: 3_600_000,
};

/**
 * The resilience options as `resilientFetch` uses them: the defaults filled in, and each number checked,
 * because NaN, Infinity or a negative count would otherwise surface much later, as retries without end or
 * a timer that fires at once. A count must be an integer from 1, a time in ms a number from 0 (a
 * `timeoutMs` of 0 is no timeout).
 */
export function resilienceSettings({ timeoutMs = 0, retry: given }: ResilienceOptions) {
  const retry = given === false ? { attempts: 1 } : (given ?? {});
  const { attempts = 3, baseDelayMs = 200, maxDelayMs = 5000, maxRetryAfterMs = 60_000 } = retry;
  const settings = { timeoutMs, attempts, baseDelayMs, maxDelayMs, maxRetryAfterMs };
  for (const [name, max] of Object.entries(maxima)) {
    const value: unknown = settings[name as keyof typeof maxima];
    const count = name === 'attempts';
    const min = count ? 1 : 0;
    if (typeof value !== 'number' || !(value >= min && value <= max) || (count && !Number.isInteger(value))) {
      const option = name === 'timeoutMs' ? name : `retry.${name}`;
      const shown = typeof value === 'string' ? `"${value}"` : String(value);
      throw new (typeof value === 'number' ? RangeError : TypeError)(
        `${option} must be ${count ? 'an integer' : 'a number of ms'} from ${min} to ${max}, got ${shown}`,
      );
    }
  }
  return { ...settings, retryNonIdempotent: retry.retryNonIdempotent };
}
