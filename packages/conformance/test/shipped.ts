import type { ApiId } from '@vouchspec/spec';
import { findPacts, readPact, shippedPactsDir } from '../src/pacts.js';
import type { PactDocument } from '../src/types.js';

/** The pact this package ships for a provider. */
export async function shippedPact(provider: ApiId): Promise<PactDocument> {
  return readPact((await findPacts(shippedPactsDir, [provider]))[provider]);
}
