import { type ApiClient, buildClient, type CommonClientOptions } from './client.js';
import { MissingCredentialsError } from './errors.js';
import {
  voucherifyMultipart,
  voucherifyOperations,
  voucherifyPagination,
  voucherifySecuritySets,
  voucherifyServers,
} from './generated/operations.js';
import type { components, paths } from './generated/voucherify.js';

export type VoucherifyPaths = paths;
export type VoucherifySchemas = components['schemas'];
export type VoucherifyCluster = (typeof voucherifyServers)[0]['variables']['cluster']['enum'][number];
export type VoucherifyClient = ApiClient<VoucherifyPaths, typeof voucherifyPagination>;

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

export interface VoucherifyClientOptions extends VoucherifyCredentials, CommonClientOptions {
  /** Regional cluster; ignored when `baseUrl` is given. Defaults to the spec's default (`api`). */
  cluster?: VoucherifyCluster;
  /** Full origin of the API, e.g. a proxy or a mock server. Overrides `cluster`. */
  baseUrl?: string;
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
): string {
  return voucherifyServers[0].url.replace('{cluster}', cluster);
}

export function createVoucherifyClient(options: VoucherifyClientOptions = {}): VoucherifyClient {
  const { cluster, baseUrl, appId, appToken, managementId, managementToken, oauthToken, ...common } = options;
  const credentials: VoucherifyCredentials = { appId, appToken, managementId, managementToken, oauthToken };
  return buildClient<VoucherifyPaths, typeof voucherifyPagination>(
    {
      api: 'voucherify',
      operations: voucherifyOperations,
      multipart: voucherifyMultipart,
      pagination: voucherifyPagination,
    },
    {
      ...common,
      baseUrl: (baseUrl ?? voucherifyBaseUrl(cluster)).replace(/\/+$/, ''),
      // Exactly the credentials the operation accepts, preferring the spec's first usable alternative.
      authenticate(request, [operationId, setIndex]) {
        const alternatives = voucherifySecuritySets[setIndex] as readonly (readonly Credential[])[];
        if (alternatives.length === 0) return;
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
      },
    },
  );
}
