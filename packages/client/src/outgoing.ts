/**
 * What openapi-fetch builds for each call, in place of a WHATWG Request: the final URL and the init as
 * given. openapi-fetch takes a custom Request class for this purpose. Undici then builds exactly one real
 * Request inside fetch, instead of one here and a copy there, and a serialised body (a string or FormData)
 * can be sent again by every attempt without cloning a stream.
 */
export class OutgoingRequest {
  readonly method: string;

  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    // openapi-fetch always names the method, in capitals.
    this.method = init.method as string;
  }
}
