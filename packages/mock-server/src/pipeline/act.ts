/**
 * Stage: run the operation's behaviour as one transaction on the state. Its changes are kept only when the
 * whole request succeeds: a handler that throws, a response that fails its check, a state grown past its
 * limit or any error status leaves the state exactly as it found it.
 */
import type { RequestContext } from '../api.js';
import { HttpError, type MockResponse } from '../http.js';

export interface ActLimits {
  /** The most the state may hold, in bytes of JSON. */
  maxStateBytes: number;
}

export function act<Result extends { status: number }>(
  ctx: RequestContext,
  handler: (ctx: RequestContext) => MockResponse,
  limits: ActLimits,
  /** The rest of the request's work that can still fail (response check, serialising). */
  complete: (response: MockResponse) => Result,
): Result {
  const { journal } = ctx.state;
  const before = journal.bytes;
  journal.begin();
  try {
    const handled = handler(ctx);
    // Only growth is refused, so a state over its limit can always be shrunk.
    if (journal.bytes > limits.maxStateBytes && journal.bytes > before) {
      throw new HttpError(
        413,
        'Payload too large',
        `Storing this would take the mock's state past its limit of ${formatBytes(limits.maxStateBytes)} ` +
          '(maxStateBytes, --max-state-mb); reset the state or raise the limit.',
      );
    }
    const response = complete(handled);
    if (response.status < 400) journal.commit();
    else journal.rollback();
    return response;
  } catch (error) {
    journal.rollback();
    throw error;
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : `${bytes} bytes`;
}
