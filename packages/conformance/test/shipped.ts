import type { ApiId } from '@vouchspec/spec';
import { findPacts, shippedPactsDir } from '../src/pacts.js';
import { type PactDocument, readPact } from '../src/verify.js';

/** The pact this package ships for a provider. */
export async function shippedPact(provider: ApiId): Promise<PactDocument> {
  return readPact((await findPacts(shippedPactsDir, [provider]))[provider]);
}
