/**
 * The credentials the mock accepts. Defaults are public placeholders: they are what pact files carry, so
 * a pact can be replayed against the mock as is, and against a real server with real values swapped in.
 */
export interface MockCredentials {
  /** Voucherify values keyed by security scheme name, as the spec names them. */
  voucherify: {
    'X-App-Id': string;
    'X-App-Token': string;
    'X-Management-Id': string;
    'X-Management-Token': string;
    'X-Voucherify-OAuth': string;
  };
  /** Mews tokens, which travel in every request body. */
  'mews-connector': {
    ClientToken: string;
    AccessToken: string;
  };
}

export const defaultCredentials: MockCredentials = {
  voucherify: {
    'X-App-Id': 'mock-app-id',
    'X-App-Token': 'mock-app-token',
    'X-Management-Id': 'mock-management-id',
    'X-Management-Token': 'mock-management-token',
    'X-Voucherify-OAuth': 'mock-oauth-token',
  },
  'mews-connector': {
    ClientToken: 'mock-client-token',
    AccessToken: 'mock-access-token',
  },
};

/**
 * How credentials are checked. By default any well-formed values pass, each set addressing its own world;
 * given credentials (`--credentials`, the `credentials` option) make the mock strict: only those values
 * pass, and there is one world.
 */
export interface CredentialPolicy {
  strict: boolean;
  /** The configured values in strict mode; the placeholders (which address the default world) otherwise. */
  values: MockCredentials;
}

export function credentialPolicy(option: unknown): CredentialPolicy {
  return { strict: option !== undefined, values: mergeCredentials(option) };
}

/** Overlays a partial credentials object (from a file or options) on the defaults, rejecting unknown keys. */
export function mergeCredentials(overrides: unknown): MockCredentials {
  if (overrides === undefined) return structuredClone(defaultCredentials);
  if (!isRecord(overrides)) throw new Error('credentials must be a JSON object');
  const merged = structuredClone(defaultCredentials) as unknown as Record<string, Record<string, string>>;
  for (const [api, values] of Object.entries(overrides)) {
    // Own keys only, so `__proto__` or `toString` is an unknown API rather than a way to Object.prototype.
    const known = Object.hasOwn(merged, api) ? merged[api] : undefined;
    if (!known)
      throw new Error(`credentials: unknown API "${api}" (expected ${Object.keys(merged).join(', ')})`);
    if (!isRecord(values)) throw new Error(`credentials.${api} must be an object`);
    for (const [name, value] of Object.entries(values)) {
      if (!Object.hasOwn(known, name)) {
        throw new Error(
          `credentials.${api}: unknown credential "${name}" (expected ${Object.keys(known).join(', ')})`,
        );
      }
      if (typeof value !== 'string' || value === '')
        throw new Error(`credentials.${api}.${name} must be a non-empty string`);
      known[name] = value;
    }
  }
  return merged as unknown as MockCredentials;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
