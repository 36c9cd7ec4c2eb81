import { fileURLToPath } from 'node:url';
import { PactV4 } from '@pact-foundation/pact';
import type { ApiId } from '@vouchspec/spec';

/** The consumer every pact names: the typed client. */
export const consumerName = 'vouchspec-client';

/** Where the consumer tests record: `pacts/` here, or elsewhere for a separate run (`VOUCHSPEC_PACTS_DIR`). */
export const pactsDir =
  process.env.VOUCHSPEC_PACTS_DIR ?? fileURLToPath(new URL('../pacts/', import.meta.url));
export const reportsDir = fileURLToPath(new URL('../reports/', import.meta.url));

/** A Pact V4 consumer for one provider, writing `pacts/vouchspec-client-<provider>.json`. */
export function createPact(provider: ApiId): PactV4 {
  return new PactV4({ consumer: consumerName, provider, dir: pactsDir, logLevel: 'warn' });
}
