import type { OperationContext } from './context.js';

/**
 * The operation of the call being prepared, and whether it asked for its body as a stream (`parseAs:
 * 'stream'`, which openapi-fetch keeps from fetch); set only while openapi-fetch builds that call's request.
 */
export const preparing: { context?: OperationContext; stream?: boolean } = {};

/**
 * What openapi-fetch builds for each call, in place of a WHATWG Request: the final URL and the init as
 * given. openapi-fetch takes a custom Request class for this purpose. Undici then builds exactly one real
 * Request inside fetch, instead of one here and a copy there, and a serialised body (a string or FormData)
 * can be sent again by every attempt without cloning a stream.
 *
 * openapi-fetch constructs it synchronously inside the call (before its first await), so the operation is
 * picked up here instead of travelling as an extra init key, which would cost every request a copy.
 */
export class OutgoingRequest {
  readonly method: string;
  readonly context: OperationContext;
  readonly stream: boolean;

  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.context = preparing.context as OperationContext;
    this.stream = preparing.stream as boolean;
    // openapi-fetch always names the method, in capitals.
    this.method = init.method as string;
  }
}
