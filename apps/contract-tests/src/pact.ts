import { PactV4 } from '@pact-foundation/pact';
import type { ApiId } from '@vouchspec/spec';

export const consumerName = 'vouchspec-client';
/** Where pacts go: `pacts/` here, or elsewhere for a separate run (`VOUCHSPEC_PACTS_DIR`). */
export const pactsDir =
  process.env.VOUCHSPEC_PACTS_DIR?.replace(/\/?$/, '/') ?? new URL('../pacts/', import.meta.url).pathname;
export const reportsDir = new URL('../reports/', import.meta.url).pathname;

export function pactFile(provider: ApiId): string {
  return `${pactsDir}${consumerName}-${provider}.json`;
}

/** A Pact V4 consumer for one provider, writing `pacts/vouchspec-client-<provider>.json`. */
export function createPact(provider: ApiId): PactV4 {
  return new PactV4({ consumer: consumerName, provider, dir: pactsDir, logLevel: 'warn' });
}
