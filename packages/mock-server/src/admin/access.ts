/**
 * Who may use the `/__admin/*` endpoints (reset, seed, state dump). They are meant for test processes and
 * curl, never for web pages, so a request is refused when:
 *
 * - its `Host` is missing, or its host name (port, brackets and one trailing dot dropped, any case) is not
 *   an IP literal, `localhost`, a name ending in `.localhost`, or one of `allowedHosts` (`--admin-host` on
 *   the command line, `adminHosts` of startMockServer). DNS rebinding needs a name the attacker's DNS
 *   resolves, so literals and the localhost names are safe; any other name could be a rebound one;
 * - it has an `Origin` that is not the mock's own (`Origin: null` included): a page of another site;
 * - it has a `Sec-Fetch-Site` other than `same-origin` or `none`: the browser says another site (or another
 *   port of the same one, which is `same-site`) sent it;
 * - it carries a body (a positive `Content-Length`, or any `Transfer-Encoding`), is not a GET or HEAD, and is
 *   not `Content-Type: application/json`: the form and `text/plain` "simple requests" any page may send
 *   without a CORS preflight, even from browsers that send neither `Origin` nor `Sec-Fetch-Site`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

export interface AdminAccessOptions {
  /** Host names accepted besides IP literals and localhost names (a port, if given, is ignored). */
  allowedHosts?: readonly string[];
}

/** Why this request may not use the admin endpoints, or undefined when it may. */
export function adminAccessDenied(
  method: string,
  headers: IncomingHttpHeaders,
  options: AdminAccessOptions = {},
): string | undefined {
  const host = headers.host?.trim();
  if (!host) {
    return 'The admin endpoints need a Host header naming an IP address or localhost, and this request has none.';
  }
  const hostname = hostnameOf(host);
  if (hostname === undefined) {
    return `Host "${host}" is not a valid host[:port], so the admin endpoints refuse it; use http://127.0.0.1:<port> or http://localhost:<port>.`;
  }
  if (!isSafeHostname(hostname, options.allowedHosts ?? [])) {
    return (
      `Host "${host}" is not an IP address or localhost, so the admin endpoints refuse it (a guard against ` +
      `DNS rebinding); call them through http://127.0.0.1 or http://localhost, or allow the name with ` +
      `--admin-host ${hostname} on the command line or the adminHosts option of startMockServer.`
    );
  }

  const origin = headers.origin?.trim();
  if (origin !== undefined) {
    if (origin.toLowerCase() === 'null') {
      return 'Origin "null" (a sandboxed page, a file or a redirect) may not use the admin endpoints; call them from a test process or curl, which send no Origin.';
    }
    if (!sameOrigin(origin, host)) {
      return `Origin "${origin}" is not the mock's own origin (Host "${host}"), so the admin endpoints refuse this cross-site request; call them from a test process or curl, which send no Origin.`;
    }
  }

  const fetchSite = headerValue(headers['sec-fetch-site'])?.trim().toLowerCase();
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `Sec-Fetch-Site "${fetchSite}" says a page of another origin sent this request, which the admin endpoints refuse; call them from a test process or curl.`;
  }

  const upperMethod = method.toUpperCase();
  if (upperMethod !== 'GET' && upperMethod !== 'HEAD' && carriesBody(headers)) {
    const contentType = headers['content-type']?.trim();
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return `${upperMethod} with Content-Type "${contentType ?? '(none)'}" is refused by the admin endpoints (browsers send that cross-site without asking); send the body as Content-Type: application/json.`;
    }
  }
  return undefined;
}

/** The host name of a `Host` value, lower-cased, without port, brackets or a trailing dot; undefined if malformed. */
function hostnameOf(host: string): string | undefined {
  let name: string;
  let port: string | undefined;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return undefined;
    name = host.slice(1, close);
    const rest = host.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return undefined;
    port = rest === '' ? undefined : rest.slice(1);
    if (isIP(name) !== 6) return undefined;
  } else if (isIP(host) === 6) {
    // Not valid in a Host header without brackets, but unambiguous, and no browser sends it.
    name = host;
  } else {
    const colon = host.lastIndexOf(':');
    name = colon < 0 ? host : host.slice(0, colon);
    port = colon < 0 ? undefined : host.slice(colon + 1);
  }
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return undefined;
  name = name.toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  // Anything that could not be a DNS name or an address (user info, paths, spaces) is malformed.
  if (name === '' || (isIP(name) === 0 && !/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name))) return undefined;
  return name;
}

function isSafeHostname(hostname: string, allowedHosts: readonly string[]): boolean {
  if (isIP(hostname) !== 0 || hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  return allowedHosts.some((allowed) => (hostnameOf(allowed.trim()) ?? allowed.toLowerCase()) === hostname);
}

/** Whether an Origin names the scheme-less `Host` the request was sent to (default ports normalised). */
function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

function carriesBody(headers: IncomingHttpHeaders): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = Number(headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
