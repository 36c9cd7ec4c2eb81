import type { AdapterFactory } from '../api.js';
import { HttpError } from '../http.js';
import { isWellFormedCredential, maxCredentialLength, refusedPrefix, worldHeader } from '../worlds/naming.js';
import { voucherCodeHandlers } from './voucher-codes.js';

const tokenNames = ['ClientToken', 'AccessToken'] as const;

export const createMewsConnectorAdapter: AdapterFactory = (doc, { strict, values }) => {
  const expected = values['mews-connector'];
  /** What the 401 says the mock expects, never the values themselves. */
  const expectation = strict
    ? 'ClientToken and AccessToken must equal the values this mock was started with (--credentials, the credentials option).'
    : `This mock accepts any non-empty, printable ClientToken and AccessToken of up to ${maxCredentialLength} ` +
      `characters that do not begin with "${refusedPrefix}"; each AccessToken has its own world (the ${worldHeader} header names one outright).`;
  return {
    id: 'mews-connector',
    doc,
    owns: (pathname) => pathname.startsWith('/api/connector/'),
    credentialsIn: 'body',
    authenticate(_op, _headers, body) {
      const tokens = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      for (const name of tokenNames) {
        const sent = tokens[name];
        if (strict ? sent === expected[name] : isWellFormedCredential(sent)) continue;
        // The vendor's own message first, as its clients match on it; then what the mock takes.
        const message = `${sent === undefined ? 'Missing' : 'Invalid'} ${name}.`;
        return new HttpError(401, message, `${message} ${expectation}`);
      }
      return undefined;
    },
    errorResponse(error, requestId) {
      return {
        status: error.status,
        // Mews has one human-readable field, so it carries the specific explanation when there is one.
        body: { Message: error.details ?? error.message, RequestId: requestId },
      };
    },
    finalize(response, requestId, op, headers) {
      const minimal = headers?.prefer === 'return=minimal' && op?.responses['204'] && response.status === 200;
      return {
        ...(minimal ? { status: 204 } : response),
        headers: { ...response.headers, 'Request-Id': requestId },
      };
    },
    handlers: { ...voucherCodeHandlers },
  };
};
