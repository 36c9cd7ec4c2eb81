import type { IncomingHttpHeaders } from 'node:http';
import { type CredentialHeader, credentialAlternatives } from '@vouchspec/spec';
import type { AdapterFactory } from '../api.js';
import { HttpError, type MockResponse } from '../http.js';
import { isWellFormedCredential, maxCredentialLength, refusedPrefix, worldHeader } from '../worlds/naming.js';
import { brandHandlers } from './brands.js';
import { campaignTemplateHandlers } from './campaign-templates.js';
import { customEventSchemaHandlers } from './custom-event-schemas.js';
import { customerActivityHandlers } from './customer-activity.js';
import { customerRedeemableHandlers } from './customer-redeemables.js';
import { customerHandlers } from './customers.js';
import { metadataSchemaHandlers } from './metadata-schemas.js';
import { projectHandlers } from './projects.js';
import { referralHolderHandlers } from './referral-holders.js';
import { stackingRulesHandlers } from './stacking-rules.js';
import { userHandlers } from './users.js';
import { webhookHandlers } from './webhooks.js';

/** The `key` Voucherify puts in error bodies for each status. */
const errorKeys: Record<number, string> = {
  400: 'invalid_payload',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'duplicate_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  431: 'request_header_fields_too_large',
  500: 'internal_error',
  503: 'service_unavailable',
};

const errorMessages: Record<number, string> = {
  400: 'Invalid payload',
  401: 'Unauthorized',
  404: 'Resource not found',
  405: 'Method not allowed',
  413: 'Payload too large',
  500: 'Internal server error',
};

export const createVoucherifyAdapter: AdapterFactory = (doc, { strict, values: configured }) => {
  const values = configured.voucherify as Record<string, string>;

  /** Whether the headers carry one credential: its configured value in strict mode, any well-formed one else. */
  function satisfies({ scheme, header, bearer }: CredentialHeader, headers: IncomingHttpHeaders): boolean {
    const sent = headers[header.toLowerCase()];
    if (typeof sent !== 'string') return false;
    const value = bearer ? /^Bearer (.*)$/.exec(sent)?.[1] : sent;
    return strict ? value === values[scheme] : isWellFormedCredential(value);
  }

  function describeAlternatives(alternatives: CredentialHeader[][]): string {
    return alternatives
      .map((alternative) =>
        alternative
          .map((credential) => (credential.bearer ? 'an OAuth bearer token' : credential.header))
          .join(' + '),
      )
      .join(' or ');
  }

  /** What the 401 says the mock expects, never the values themselves. */
  const expectation = strict
    ? 'They must equal the values this mock was started with (--credentials, the credentials option).'
    : `This mock accepts any non-empty, printable values of up to ${maxCredentialLength} characters that do not begin with "${refusedPrefix}"; each ` +
      `key set has its own world (${worldHeader} names one outright).`;

  return {
    id: 'voucherify',
    doc,
    owns: (pathname) => !pathname.startsWith('/api/connector/'),
    credentialsIn: 'headers',
    authenticate(op, headers) {
      const alternatives = credentialAlternatives(doc, op);
      if (alternatives.length === 0) return undefined;
      if (
        alternatives.some((alternative) => alternative.every((credential) => satisfies(credential, headers)))
      )
        return undefined;
      return new HttpError(
        401,
        'Unauthorized',
        `This operation requires valid ${describeAlternatives(alternatives)}. ${expectation}`,
      );
    },
    errorResponse(error, requestId): MockResponse {
      return {
        status: error.status,
        body: {
          code: error.status,
          key: errorKeys[error.status] ?? 'error',
          message: error.message || errorMessages[error.status] || 'Error',
          ...(error.details ? { details: error.details } : {}),
          request_id: requestId,
          ...error.extra,
        },
      };
    },
    finalize: (response) => response,
    handlers: {
      ...projectHandlers,
      ...userHandlers,
      ...campaignTemplateHandlers,
      ...stackingRulesHandlers,
      ...metadataSchemaHandlers,
      ...customEventSchemaHandlers,
      ...webhookHandlers,
      ...brandHandlers,
      ...customerHandlers,
      ...customerActivityHandlers,
      ...customerRedeemableHandlers,
      ...referralHolderHandlers,
    },
  };
};
