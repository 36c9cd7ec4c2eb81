/**
 * Which world a request acts on. In the default mode every well-formed credential set is accepted and names
 * its own isolated world, the way a key pair scopes data to one project on the real services. Only the
 * identifier half of a credential names a world; a token that has to serve as identifier (OAuth, Mews) is
 * hashed first, so no secret ever appears as a world's name, in a log line or in `/__admin/worlds`.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { MockCredentials } from '../credentials.js';

/** The header that names a world outright, for any API and the admin endpoints. */
export const worldHeader = 'X-Vouchspec-World';
/** The world the placeholder credentials (and admin calls that name none) address. */
export const defaultWorld = 'default';
export const maxCredentialLength = 256;

/**
 * Values that begin with this are refused even in the default mode, so that a suite (the conformance suite's
 * 401 interactions send `invalid-credential`) can test how it handles refused keys against any mock, as
 * Stripe's test mode keeps card numbers that always decline.
 */
export const refusedPrefix = 'invalid';

/** Non-empty, printable and at most 256 characters: what a world's name and a credential must be. */
export function isPrintableValue(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= maxCredentialLength &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
    !/[\u0000-\u001f\u007f]/.test(value)
  );
}

/** What the default mode accepts as a credential: a printable value that does not begin with `invalid`. */
export function isWellFormedCredential(value: unknown): value is string {
  return isPrintableValue(value) && !value.toLowerCase().startsWith(refusedPrefix);
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The world a request names: `X-Vouchspec-World` when present, else the first identifier it carries
 * (`X-App-Id`, `X-Management-Id`, the OAuth token, the Mews `AccessToken`); a placeholder value, or no
 * identifier at all, names the default world. Credentials are checked before, so what is here is well formed.
 */
export function worldNameOf(
  headers: IncomingHttpHeaders,
  body: unknown,
  placeholders: MockCredentials,
): string | { malformed: string } {
  const named = headers[worldHeader.toLowerCase()];
  if (named !== undefined) return isPrintableValue(named) ? named : { malformed: worldHeader };
  const keys = placeholders.voucherify;
  const appId = headerValue(headers, 'X-App-Id');
  if (appId !== undefined) return appId === keys['X-App-Id'] ? defaultWorld : `app:${appId}`;
  const managementId = headerValue(headers, 'X-Management-Id');
  if (managementId !== undefined)
    return managementId === keys['X-Management-Id'] ? defaultWorld : `management:${managementId}`;
  const bearer = /^Bearer (.+)$/.exec(headerValue(headers, 'Authorization') ?? '')?.[1];
  if (bearer !== undefined)
    return bearer === keys['X-Voucherify-OAuth'] ? defaultWorld : `oauth:${digest(bearer)}`;
  const accessToken =
    body && typeof body === 'object' ? (body as Record<string, unknown>).AccessToken : undefined;
  if (typeof accessToken === 'string')
    return accessToken === placeholders['mews-connector'].AccessToken
      ? defaultWorld
      : `mews:${digest(accessToken)}`;
  return defaultWorld;
}
