import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { MissingCredentialsError } from './errors.js';
import { voucherifyOperations, voucherifySecuritySets, voucherifyServers } from './generated/operations.js';
import type { components, paths } from './generated/voucherify.js';

export type VoucherifyPaths = paths;
export type VoucherifySchemas = components['schemas'];
export type VoucherifyCluster = (typeof voucherifyServers)[0]['variables']['cluster']['enum'][number];
export type VoucherifyClient = Client<VoucherifyPaths>;

export interface VoucherifyCredentials {
  /** Application key pair, accepted by the customer and referral operations. */
  appId?: string;
  appToken?: string;
  /** Management key pair, required by the `/management` operations. */
  managementId?: string;
  managementToken?: string;
  /** OAuth access token, an alternative to the application key pair. */
  oauthToken?: string;
}

export interface VoucherifyClientOptions extends VoucherifyCredentials {
  /** Regional cluster; ignored when `baseUrl` is given. Defaults to the spec's default (`api`). */
  cluster?: VoucherifyCluster;
  /** Full origin of the API, e.g. a proxy or a mock server. Overrides `cluster`. */
  baseUrl?: string;
  /** Extra headers sent with every request. */
  headers?: ClientOptions['headers'];
  fetch?: ClientOptions['fetch'];
}

/** What each credential the spec names (a header, or a bearer token) is called in the options. */
const credentialOption = {
  'X-App-Id': 'appId',
  'X-App-Token': 'appToken',
  'X-Management-Id': 'managementId',
  'X-Management-Token': 'managementToken',
  bearer: 'oauthToken',
} as const satisfies Record<string, keyof VoucherifyCredentials>;

type Credential = keyof typeof credentialOption;

export function voucherifyBaseUrl(
  cluster: VoucherifyCluster = voucherifyServers[0].variables.cluster.default,
) {
  return voucherifyServers[0].url.replace('{cluster}', cluster);
}

/** Adds exactly the credentials the called operation accepts, preferring the spec's first usable alternative. */
function authenticate(credentials: VoucherifyCredentials): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const facts = voucherifyOperations[`${request.method} ${schemaPath}`];
      if (!facts)
        throw new Error(`${request.method} ${schemaPath} is not an operation of the Voucherify spec`);
      const [operationId, setIndex] = facts;
      const alternatives = voucherifySecuritySets[setIndex] as readonly (readonly Credential[])[];
      if (alternatives.length === 0) return request;
      const usable = alternatives.find((alternative) =>
        alternative.every((c) => credentials[credentialOption[c]]),
      );
      if (!usable) {
        throw new MissingCredentialsError(
          operationId,
          alternatives.map((alternative) => alternative.map((c) => credentialOption[c])),
        );
      }
      for (const credential of usable) {
        const value = credentials[credentialOption[credential]] as string;
        if (credential === 'bearer') request.headers.set('Authorization', `Bearer ${value}`);
        else request.headers.set(credential, value);
      }
      return request;
    },
  };
}

export function createVoucherifyClient(options: VoucherifyClientOptions = {}): VoucherifyClient {
  const { cluster, baseUrl, headers, fetch, ...credentials } = options;
  const client = createClient<VoucherifyPaths>({
    baseUrl: baseUrl ?? voucherifyBaseUrl(cluster),
    headers,
    fetch,
  });
  client.use(authenticate(credentials));
  return client;
}
