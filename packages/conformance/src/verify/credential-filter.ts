/**
 * The request filter that swaps the pact's placeholder credentials for the target's real ones, in flight: in
 * the headers the spec's security schemes name, and in the bodies of Mews requests. Pact files keep the
 * placeholders; real values exist only in this process.
 */
import type { VerifierOptions } from '@pact-foundation/pact';
import { credentialHeader, loadBundle } from '@vouchspec/spec';
import { placeholders } from '../credentials.js';
import type { ProviderTarget } from '../types.js';

type RequestFilter = NonNullable<VerifierOptions['requestFilter']>;
type VoucherifyScheme = keyof typeof placeholders.voucherify;

/** Where pact-js's verifier proxy receives provider-state changes (fixed in pact-js). */
const stateSetupPath = '/_pactSetup';

/** How each Voucherify security scheme sends its credential. */
function voucherifyCredentialHeaders() {
  const doc = loadBundle('voucherify');
  return Object.keys(doc.components?.securitySchemes ?? {}).map((scheme) => credentialHeader(doc, scheme));
}

export function credentialFilter(target: ProviderTarget): RequestFilter {
  const headers = voucherifyCredentialHeaders();
  return (req, _res, next) => {
    for (const { scheme, header, bearer } of headers) {
      const placeholder = placeholders.voucherify[scheme as VoucherifyScheme];
      const real = target.credentials.voucherify[scheme as VoucherifyScheme];
      // Node names headers in lower case.
      const name = header.toLowerCase();
      if (bearer && req.headers[name] === `Bearer ${placeholder}`) req.headers[name] = `Bearer ${real}`;
      else if (!bearer && req.headers[name] === placeholder) req.headers[name] = real;
    }
    const body = req.body as Record<string, unknown> | undefined;
    // The verifier's own state-change calls pass through here too, and must stay parsed for the handlers.
    if (req.path === stateSetupPath) return next();
    if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
      for (const token of ['ClientToken', 'AccessToken'] as const) {
        if (body[token] === placeholders['mews-connector'][token])
          body[token] = target.credentials['mews-connector'][token];
      }
      // The proxy re-serialises parsed JSON but forwards the original Content-Length, and sends nothing for
      // `{}`; handing it the exact bytes with their length avoids truncated or hanging requests.
      const bytes = Buffer.from(JSON.stringify(body));
      req.body = bytes;
      req.headers['content-length'] = String(bytes.length);
    }
    next();
  };
}
