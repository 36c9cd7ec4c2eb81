/**
 * The credentials an operation needs, read from its security requirements and the document's security
 * schemes: which header carries each, and whether as a bearer token. The client, the mock server, the
 * conformance suite and the docs all send or check credentials by this.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { type OpenApiDocument, type OperationInfo, resolve } from './index.js';

export interface CredentialHeader {
  /** The security scheme's name in the document, e.g. `X-App-Id` or `X-Voucherify-OAuth`. */
  scheme: string;
  /** The header that carries the credential, as the spec spells it: the API key's name, or `Authorization`. */
  header: string;
  /** Sent as `Bearer <credential>` (OAuth 2 and HTTP bearer schemes) rather than as it is. */
  bearer: boolean;
}

/** How a security scheme of the document sends its credential; throws when it is undefined or not a header. */
export function credentialHeader(doc: OpenApiDocument, scheme: string): CredentialHeader {
  const raw = doc.components?.securitySchemes?.[scheme];
  if (!raw) throw new Error(`security scheme ${scheme} is not defined`);
  const resolved = resolve<OpenAPIV3_1.SecuritySchemeObject>(doc, raw);
  if (resolved.type === 'apiKey' && resolved.in === 'header')
    return { scheme, header: resolved.name, bearer: false };
  if (resolved.type === 'oauth2' || (resolved.type === 'http' && resolved.scheme.toLowerCase() === 'bearer'))
    return { scheme, header: 'Authorization', bearer: true };
  throw new Error(`security scheme ${scheme} (${resolved.type}) is not sent in a header`);
}

/**
 * The `@vouchspec/client` option that holds a credential: `oauthToken` for a bearer token, else the header's
 * name without its `X-` (`X-App-Id` → `appId`, `X-Management-Token` → `managementToken`). The client's
 * generator names its options by this, and the docs' samples set them by it.
 */
export function clientCredentialOption({ header, bearer }: CredentialHeader): string {
  if (bearer) return 'oauthToken';
  const [first = '', ...rest] = header.replace(/^X-/, '').split('-');
  return first.toLowerCase() + rest.join('');
}

const alternativesByOperation = new WeakMap<OperationInfo, CredentialHeader[][]>();

/**
 * The credentials an operation takes: one list per security alternative, each naming every header that
 * alternative needs together (no alternatives: the operation needs no credentials).
 */
export function credentialAlternatives(doc: OpenApiDocument, op: OperationInfo): CredentialHeader[][] {
  let alternatives = alternativesByOperation.get(op);
  if (!alternatives) {
    alternatives = op.security.map((requirement) =>
      Object.keys(requirement).map((scheme) => credentialHeader(doc, scheme)),
    );
    alternativesByOperation.set(op, alternatives);
  }
  return alternatives;
}
