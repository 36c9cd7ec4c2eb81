import type { AdapterFactory } from '../api.js';
import { HttpError } from '../http.js';
import { voucherCodeHandlers } from './voucher-codes.js';

export const createMewsConnectorAdapter: AdapterFactory = (doc, credentials) => {
  const expected = credentials['mews-connector'];
  return {
    id: 'mews-connector',
    doc,
    owns: (pathname) => pathname.startsWith('/api/connector/'),
    credentialsIn: 'body',
    authenticate(_op, _headers, body) {
      const tokens = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      if (tokens.ClientToken !== expected.ClientToken) {
        return new HttpError(
          401,
          tokens.ClientToken === undefined ? 'Missing ClientToken.' : 'Invalid ClientToken.',
        );
      }
      if (tokens.AccessToken !== expected.AccessToken) {
        return new HttpError(
          401,
          tokens.AccessToken === undefined ? 'Missing AccessToken.' : 'Invalid AccessToken.',
        );
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
