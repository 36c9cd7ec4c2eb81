/**
 * Where the conformance suite verifies, read from the environment: the embedded mock server by default, a
 * real server per provider when its variables are set. Credentials only ever come from here.
 */
import { type VoucherifyCluster, voucherifyBaseUrl } from '@vouchspec/client';
import type { MockCredentials } from '@vouchspec/mock-server';
import { type ApiId, loadBundle } from '@vouchspec/spec';
import { placeholders } from './credentials.js';

export type Environment = Record<string, string | undefined>;

/** A provider to verify against a server the suite does not run. */
export interface RealTargetConfig {
  baseUrl: string;
  credentials: MockCredentials;
  /** The credential values, so every output can be scanned and redacted for them. */
  secrets: string[];
}

export class ConfigError extends Error {}

const voucherifyKeys = {
  VOUCHERIFY_APP_ID: 'X-App-Id',
  VOUCHERIFY_APP_TOKEN: 'X-App-Token',
  VOUCHERIFY_MANAGEMENT_ID: 'X-Management-Id',
  VOUCHERIFY_MANAGEMENT_TOKEN: 'X-Management-Token',
} as const;

const mewsKeys = { MEWS_CLIENT_TOKEN: 'ClientToken', MEWS_ACCESS_TOKEN: 'AccessToken' } as const;

/** The variables each provider is configured by, for `--help` and error messages. */
export const environmentVariables: Record<ApiId, string[]> = {
  voucherify: ['VOUCHERIFY_BASE_URL', 'VOUCHERIFY_CLUSTER', ...Object.keys(voucherifyKeys)],
  'mews-connector': ['MEWS_PLATFORM_ADDRESS', ...Object.keys(mewsKeys)],
};

function voucherifyClusters(): string[] {
  const server = loadBundle('voucherify').servers?.[0];
  return (server?.variables?.cluster?.enum ?? []).map(String);
}

function parseUrl(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${variable} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${variable} must be an http(s) URL, not ${url.protocol}`);
  return url.toString().replace(/\/$/, '');
}

function requireAll(env: Environment, names: string[], why: string): void {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0)
    throw new ConfigError(`${why}, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
}

function voucherifyTarget(env: Environment, baseUrlOverride?: string): RealTargetConfig | undefined {
  const given = environmentVariables.voucherify.filter((name) => env[name]);
  if (given.length === 0 && !baseUrlOverride) return undefined;
  if (env.VOUCHERIFY_BASE_URL && env.VOUCHERIFY_CLUSTER)
    throw new ConfigError('Set VOUCHERIFY_BASE_URL or VOUCHERIFY_CLUSTER, not both');
  let baseUrl: string;
  if (baseUrlOverride) baseUrl = parseUrl(baseUrlOverride, '--base-url');
  else if (env.VOUCHERIFY_BASE_URL) baseUrl = parseUrl(env.VOUCHERIFY_BASE_URL, 'VOUCHERIFY_BASE_URL');
  else if (env.VOUCHERIFY_CLUSTER) {
    const clusters = voucherifyClusters();
    if (!clusters.includes(env.VOUCHERIFY_CLUSTER))
      throw new ConfigError(
        `VOUCHERIFY_CLUSTER must be one of ${clusters.join(', ')}; got "${env.VOUCHERIFY_CLUSTER}"`,
      );
    baseUrl = voucherifyBaseUrl(env.VOUCHERIFY_CLUSTER as VoucherifyCluster);
  } else
    throw new ConfigError(
      'Voucherify credentials are set, but neither VOUCHERIFY_BASE_URL nor VOUCHERIFY_CLUSTER',
    );
  const keys = Object.keys(voucherifyKeys) as (keyof typeof voucherifyKeys)[];
  if (keys.every((name) => !env[name])) return withPlaceholders(baseUrl);
  requireAll(env, keys, 'Voucherify is configured for a real server');
  const credentials = structuredClone(placeholders);
  for (const name of keys) credentials.voucherify[voucherifyKeys[name]] = env[name] as string;
  return { baseUrl, credentials, secrets: keys.map((name) => env[name] as string) };
}

function mewsTarget(env: Environment, baseUrlOverride?: string): RealTargetConfig | undefined {
  const given = environmentVariables['mews-connector'].filter((name) => env[name]);
  if (given.length === 0 && !baseUrlOverride) return undefined;
  const address = baseUrlOverride ?? env.MEWS_PLATFORM_ADDRESS;
  if (!address) throw new ConfigError('Mews credentials are set, but MEWS_PLATFORM_ADDRESS is not');
  const baseUrl = parseUrl(address, baseUrlOverride ? '--base-url' : 'MEWS_PLATFORM_ADDRESS');
  const keys = Object.keys(mewsKeys) as (keyof typeof mewsKeys)[];
  if (keys.every((name) => !env[name])) return withPlaceholders(baseUrl);
  requireAll(env, keys, 'Mews is configured for a real server');
  const credentials = structuredClone(placeholders);
  for (const name of keys) credentials['mews-connector'][mewsKeys[name]] = env[name] as string;
  return { baseUrl, credentials, secrets: keys.map((name) => env[name] as string) };
}

/** A server without configured credentials (say, our mock run elsewhere) gets the placeholders. */
function withPlaceholders(baseUrl: string): RealTargetConfig {
  return { baseUrl, credentials: structuredClone(placeholders), secrets: [] };
}

/**
 * The real server per provider, or nothing for providers verified against the embedded mock. `--base-url`
 * overrides the environment's address for the one provider being run.
 */
export function realTargets(
  env: Environment,
  providers: ApiId[],
  baseUrlOverride?: string,
): Partial<Record<ApiId, RealTargetConfig>> {
  if (baseUrlOverride && providers.length !== 1)
    throw new ConfigError('--base-url needs a single --provider (voucherify or mews-connector)');
  const targets: Partial<Record<ApiId, RealTargetConfig>> = {};
  for (const provider of providers) {
    const target =
      provider === 'voucherify' ? voucherifyTarget(env, baseUrlOverride) : mewsTarget(env, baseUrlOverride);
    if (target) targets[provider] = target;
  }
  return targets;
}
