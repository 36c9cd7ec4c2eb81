import type { VoucherifyPaths, VoucherifySchemas } from '@vouchspec/spec/types';
import { type ApiClient, buildClient, type CommonClientOptions } from './client.js';
import { MissingCredentialsError } from './errors.js';
import {
  type VoucherifyCluster,
  voucherifyFacts,
  voucherifySecuritySets,
  voucherifyServers,
} from './generated/operations.js';

export type { VoucherifyCluster } from './generated/operations.js';
export type { VoucherifyPaths, VoucherifySchemas };
export type VoucherifyClient = ApiClient<VoucherifyPaths, (typeof voucherifyFacts)['pagination']>;

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

export function voucherifyBaseUrl(
  cluster: VoucherifyCluster = voucherifyServers[0].defaults.cluster,
): string {
  return voucherifyServers[0].url.replace('{cluster}', cluster);
}

export function createVoucherifyClient(options: VoucherifyClientOptions = {}): VoucherifyClient {
  const { cluster, baseUrl, ...common } = options;
  // Credentials are read from the options by name; the rest of the options pass through.
  const credentials: VoucherifyCredentials = options;
  return buildClient<VoucherifyPaths, (typeof voucherifyFacts)['pagination']>(voucherifyFacts, {
    ...common,
    baseUrl: baseUrl ?? voucherifyBaseUrl(cluster),
    // Exactly the credentials the operation accepts: per security set, the first alternative (in the
    // spec's order) whose options were all given, as headers.
    credentials: voucherifySecuritySets.map(
      (alternatives: readonly Readonly<Record<string, keyof VoucherifyCredentials>>[]) => {
        if (alternatives.length === 0) return undefined;
        const usable = alternatives.find((alternative) =>
          Object.values(alternative).every((option) => credentials[option]),
        );
        if (!usable) {
          return (operation: string) => {
            throw new MissingCredentialsError(operation, alternatives.map(Object.values));
          };
        }
        return Object.fromEntries(
          Object.entries(usable).map(([header, option]) => [
            header,
            header === 'Authorization' ? `Bearer ${credentials[option]}` : (credentials[option] as string),
          ]),
        );
      },
    ),
  });
}
