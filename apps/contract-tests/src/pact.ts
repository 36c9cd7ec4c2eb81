import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactV4 } from '@pact-foundation/pact';
import type { ApiId } from '@vouchspec/spec';

/** The consumer every pact names: the typed client. */
export const consumerName = 'vouchspec-client';

/** Where the consumer tests record: `pacts/` here, or elsewhere for a separate run (`VOUCHSPEC_PACTS_DIR`). */
export const pactsDir =
  process.env.VOUCHSPEC_PACTS_DIR ?? fileURLToPath(new URL('../pacts/', import.meta.url));

/** Where each test file's own pact goes until the run merges them (see merge-pacts.ts). */
export const pactPartsDir = join(pactsDir, '.parts');

/**
 * A Pact V4 consumer for one provider. Each call (one per test file) writes a part of its own, so test files
 * can record in parallel; the consumer project's teardown merges the parts into
 * `vouchspec-client-<provider>.json`.
 */
export function createPact(provider: ApiId): PactV4 {
  const dir = join(pactPartsDir, randomUUID());
  return new PactV4({ consumer: consumerName, provider, dir, logLevel: 'warn' });
}
