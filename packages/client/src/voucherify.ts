import { type ApiClient, buildClient, type CommonClientOptions } from './client.js';
import { MissingCredentialsError } from './errors.js';
import {
  type VoucherifyCluster,
  voucherifyIdempotent,
  voucherifyMultipart,
  voucherifyOperations,
  voucherifyPagination,
  voucherifySecuritySets,
  voucherifyServers,
} from './generated/operations.js';
import type { components, paths } from './generated/voucherify.js';

export type VoucherifyPaths = paths;
export type VoucherifySchemas = components['schemas'];
export type { VoucherifyCluster } from './generated/operations.js';
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

/**
 * The option that holds a credential the spec names: `X-App-Id` → `appId`, `X-Management-Token` →
 * `managementToken`, and a bearer token → `oauthToken`.
 */
function credentialOption(credential: string): keyof VoucherifyCredentials {
  if (credential === 'bearer') return 'oauthToken';
  const [first = '', ...rest] = credential.replace(/^X-/, '').split('-');
  return (first.toLowerCase() + rest.join('')) as keyof VoucherifyCredentials;
}

export function voucherifyBaseUrl(
  cluster: VoucherifyCluster = voucherifyServers[0].defaults.cluster,
): string {
  return voucherifyServers[0].url.replace('{cluster}', cluster);
}

export function createVoucherifyClient(options: VoucherifyClientOptions = {}): VoucherifyClient {
  const { cluster, baseUrl, ...common } = options;
  // Credentials are read from the options by name; the rest of the options pass through.
  const credentials: VoucherifyCredentials = options;
  return buildClient<VoucherifyPaths, typeof voucherifyPagination>(
    {
      api: 'voucherify',
      operations: voucherifyOperations,
      idempotent: voucherifyIdempotent,
      multipart: voucherifyMultipart,
      pagination: voucherifyPagination,
    },
    {
      ...common,
      baseUrl: baseUrl ?? voucherifyBaseUrl(cluster),
      // Exactly the credentials the operation accepts, preferring the spec's first usable alternative.
      // Per security set: the first alternative whose credentials were all given, as headers.
      credentials: voucherifySecuritySets.map((alternatives: readonly (readonly string[])[]) => {
        if (alternatives.length === 0) return undefined;
        const usable = alternatives.find((alternative) =>
          alternative.every((c) => credentials[credentialOption(c)]),
        );
        if (!usable) {
          return (operation: string) => {
            throw new MissingCredentialsError(
              operation,
              alternatives.map((alternative) => alternative.map(credentialOption)),
            );
          };
        }
        return Object.fromEntries(
          usable.map((c) => {
            const value = credentials[credentialOption(c)] as string;
            return c === 'bearer' ? ['Authorization', `Bearer ${value}`] : [c, value];
          }),
        );
      }),
    },
  );
}
