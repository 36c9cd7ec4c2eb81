import type { MewsConnectorSchemas, MewsConnectorPaths as SpecPaths } from '@vouchspec/spec/types';
import { type ApiClient, buildClient, type CommonClientOptions } from './client.js';
import { mewsConnectorFacts, mewsConnectorServers } from './generated/operations.js';

export type { MewsConnectorSchemas };
export type MewsEnvironment = (typeof mewsConnectorServers)[number]['environment'];

/** The credentials every Connector API body carries; the client fills them in. */
type Envelope = MewsConnectorSchemas['ConnectorRequest'];
type WithOptionalEnvelope<Body> = Body extends Envelope
  ? Omit<Body, keyof Envelope> & Partial<Envelope>
  : Body;
type WithoutEnvelope<Operation> = Operation extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Omit<Operation, 'requestBody'> & {
      requestBody: { content: { 'application/json': WithOptionalEnvelope<Body> } };
    }
  : Operation;

/** The spec's paths, with the envelope fields optional because the client supplies them. */
export type MewsConnectorPaths = {
  [Path in keyof SpecPaths]: { [Method in keyof SpecPaths[Path]]: WithoutEnvelope<SpecPaths[Path][Method]> };
};
export type MewsConnectorClient = ApiClient<MewsConnectorPaths, (typeof mewsConnectorFacts)['pagination']>;

export interface MewsConnectorClientOptions extends CommonClientOptions {
  /** `demo` or `production` (default `demo`), or the full platform address (e.g. a mock server). */
  environment?: MewsEnvironment | (string & {});
  /** Token identifying your integration. */
  clientToken: string;
  /** Token granting access to a property or portfolio. */
  accessToken: string;
  /** Name and version of your application, e.g. `My Integration 1.2.0`. */
  client: string;
  /** Ask for `204 No Content` instead of result bodies (`Prefer: return=minimal`). */
  minimal?: boolean;
}

export function mewsPlatformAddress(environment: MewsConnectorClientOptions['environment'] = 'demo'): string {
  const server = mewsConnectorServers.find((s) => s.environment === environment);
  if (server) return server.url;
  if (/^https?:\/\//.test(environment)) return environment.replace(/\/+$/, '');
  throw new Error(
    `Unknown Mews environment "${environment}": use ${mewsConnectorServers.map((s) => s.environment).join(', ')} or a URL`,
  );
}

export function createMewsConnectorClient(options: MewsConnectorClientOptions): MewsConnectorClient {
  const { environment, clientToken, accessToken, client: clientName, minimal, headers, ...common } = options;
  const envelope: Envelope = { ClientToken: clientToken, AccessToken: accessToken, Client: clientName };
  return buildClient<MewsConnectorPaths, (typeof mewsConnectorFacts)['pagination']>(mewsConnectorFacts, {
    ...common,
    baseUrl: mewsPlatformAddress(environment),
    headers: minimal ? { Prefer: 'return=minimal', ...headers } : headers,
    // Tokens travel inside every JSON body; a value the caller passes explicitly wins.
    bodySerializer: (body) => JSON.stringify({ ...envelope, ...(body as object) }),
  });
}
