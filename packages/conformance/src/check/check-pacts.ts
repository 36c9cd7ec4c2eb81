/**
 * Stage 2, check: each pact against the bundled spec (PactFlow's comparator) and for coverage (a success and
 * an error interaction for every operation the bundle lists). Logs a line per provider.
 */
import type { ApiId } from '@vouchspec/spec';
import type { PactDocument } from '../types.js';
import { compareWithSpec, type SpecMismatch } from './compare-with-spec.js';
import { coverageGaps, coverageOf, type OperationCoverage } from './coverage.js';

export interface CheckOutcome {
  specMismatches: (SpecMismatch & { provider: ApiId })[];
  coverage: OperationCoverage[];
  /** Why the coverage gate fails, one line per gap. */
  coverageGaps: string[];
}

export async function checkPacts(
  pacts: ReadonlyMap<ApiId, PactDocument>,
  log: (line: string) => void,
): Promise<CheckOutcome> {
  const outcome: CheckOutcome = { specMismatches: [], coverage: [], coverageGaps: [] };
  for (const [provider, pact] of pacts) {
    const mismatches = await compareWithSpec(provider, pact);
    outcome.specMismatches.push(...mismatches.map((m) => ({ ...m, provider })));
    const report = coverageOf(provider, pact);
    outcome.coverage.push(...report.operations);
    outcome.coverageGaps.push(...coverageGaps(report));
    const covered = report.operations.filter((row) => row.success > 0 && row.errors > 0).length;
    log(
      `  ${provider}: ${pact.interactions.length} interactions, ${covered}/${report.operations.length} operations covered, ${mismatches.length} spec mismatches`,
    );
  }
  return outcome;
}
