/** Checks a pact against the bundled spec with PactFlow's comparator: every interaction must be allowed. */
import { Comparator } from '@pactflow/openapi-pact-comparator';
import { type ApiId, loadBundle } from '@vouchspec/spec';
import type { PactDocument } from '../types.js';

export interface SpecMismatch {
  interaction: string;
  code: string;
  message: string;
  location: string;
}

/** The comparator's errors for a pact (its warnings, such as unknown optional headers, are not mismatches). */
export async function compareWithSpec(provider: ApiId, pact: PactDocument): Promise<SpecMismatch[]> {
  const mismatches: SpecMismatch[] = [];
  const comparator = new Comparator(loadBundle(provider) as never);
  for await (const result of comparator.compare(pact as never)) {
    if (result.type !== 'error') continue;
    mismatches.push({
      interaction: result.mockDetails?.interactionDescription ?? '(pact)',
      code: result.code,
      message: result.message,
      location: result.mockDetails?.location ?? '',
    });
  }
  return mismatches;
}
