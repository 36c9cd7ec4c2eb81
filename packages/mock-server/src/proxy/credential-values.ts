/**
 * The credential values a request carries, so the drift recorder can keep them out of every output: the
 * headers of every API's security schemes (as the spec names them, whichever API the path belongs to) and
 * the Mews tokens in a JSON body.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { credentialHeader, type OpenApiDocument } from '@vouchspec/spec';
import { defaultCredentials } from '../credentials.js';

const bodyTokens = Object.keys(defaultCredentials['mews-connector']);
const headersByDocument = new WeakMap<OpenApiDocument, string[]>();

function credentialHeaders(doc: OpenApiDocument): string[] {
  let headers = headersByDocument.get(doc);
  if (!headers) {
    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    headers = [...new Set(schemes.map((scheme) => credentialHeader(doc, scheme).header.toLowerCase()))];
    headersByDocument.set(doc, headers);
  }
  return headers;
}

export function* credentialValues(
  docs: readonly OpenApiDocument[],
  headers: IncomingHttpHeaders,
  body: Buffer | undefined,
): Generator<string> {
  // Authorization is a credential whatever the API's schemes say.
  for (const name of new Set([...docs.flatMap(credentialHeaders), 'authorization'])) {
    for (const value of [headers[name]].flat()) {
      if (value === undefined) continue;
      yield value;
      const [, token] = /^\s*\S+\s+(.+)$/.exec(value) ?? [];
      if (token) yield token; // `Bearer <token>` without its scheme
    }
  }
  if (!body || body.length === 0 || body[0] !== 0x7b) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return;
  }
  for (const name of bodyTokens) {
    const value = (parsed as Record<string, unknown>)[name];
    if (typeof value === 'string') yield value;
  }
}
