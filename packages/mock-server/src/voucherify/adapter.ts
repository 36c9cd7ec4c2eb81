import type { IncomingHttpHeaders } from 'node:http';
import { type OpenAPIV3_1, type OperationInfo, resolve } from '@vouchspec/spec';
import type { AdapterFactory } from '../api.js';
import { HttpError, type MockResponse } from '../http.js';
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
};

const errorMessages: Record<number, string> = {
  400: 'Invalid payload',
  401: 'Unauthorized',
  404: 'Resource not found',
  405: 'Method not allowed',
  413: 'Payload too large',
  500: 'Internal server error',
};

export const createVoucherifyAdapter: AdapterFactory = (doc, credentials) => {
  const schemes = doc.components?.securitySchemes ?? {};
  const values = credentials.voucherify as Record<string, string>;

  /** Whether the headers carry the configured value for one security scheme. */
  function satisfies(schemeName: string, headers: IncomingHttpHeaders): boolean {
    const raw = schemes[schemeName];
    if (!raw) return false;
    const scheme = resolve<OpenAPIV3_1.SecuritySchemeObject>(doc, raw);
    const expected = values[schemeName];
    if (!expected) return false;
    if (scheme.type === 'apiKey' && scheme.in === 'header')
      return headers[scheme.name.toLowerCase()] === expected;
    if (scheme.type === 'oauth2') return headers.authorization === `Bearer ${expected}`;
    return false;
  }

  function describeAlternatives(op: OperationInfo): string {
    return op.security
      .map((alternative) =>
        Object.keys(alternative)
          .map((name) => {
            const scheme = resolve<OpenAPIV3_1.SecuritySchemeObject>(
              doc,
              schemes[name] as OpenAPIV3_1.SecuritySchemeObject,
            );
            return scheme.type === 'apiKey' ? scheme.name : 'an OAuth bearer token';
          })
          .join(' + '),
      )
      .join(' or ');
  }

  return {
    id: 'voucherify',
    doc,
    owns: (pathname) => !pathname.startsWith('/api/connector/'),
    credentialsIn: 'headers',
    authenticate(op, headers) {
      if (op.security.length === 0) return undefined;
      if (
        op.security.some((alternative) => Object.keys(alternative).every((name) => satisfies(name, headers)))
      ) {
        return undefined;
      }
      return new HttpError(401, 'Unauthorized', `This operation requires valid ${describeAlternatives(op)}.`);
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
