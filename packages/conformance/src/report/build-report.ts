/**
 * The conformance run's outcome as data: per-operation rows, totals, a status and the one-line headline that
 * says how the run ended. The console, JUnit, JSON and Markdown renderings are made from this.
 */
import type { ApiId } from '@vouchspec/spec';
import type { SpecMismatch } from '../check/compare-with-spec.js';
import type { OperationCoverage } from '../check/coverage.js';
import type { Verdict, VerifiedInteraction } from '../types.js';

export interface TargetSummary {
  provider: ApiId;
  /** An embedded mock server, a vouchspec mock at a URL (it identified itself), or the user's server. */
  kind: 'embedded mock' | 'mock' | 'real';
  /** Empty for an embedded mock. */
  baseUrl: string;
}

export interface OperationRow extends OperationCoverage {
  passed: number;
  failed: number;
  skipped: number;
}

export interface ConformanceReport {
  generatedAt: string;
  durationMs: number;
  /**
   * `passed`: nothing failed, the pacts match the spec and cover every operation (skipped interactions are
   * allowed unless `failOnSkipped`); `failed`: any of those did not hold; `errored`: the run stopped before
   * verifying, for the reason in `error` (say, a target that could not be reached).
   */
  status: 'passed' | 'failed' | 'errored';
  /** One line saying how the run ended, skips included: what a CI log or a chat message should show. */
  headline: string;
  error?: string;
  failOnSkipped: boolean;
  /** `status === 'passed'`. */
  passed: boolean;
  targets: TargetSummary[];
  totals: {
    operations: number;
    covered: number;
    interactions: number;
    passed: number;
    failed: number;
    skipped: number;
    specMismatches: number;
  };
  operations: OperationRow[];
  interactions: VerifiedInteraction[];
  specMismatches: (SpecMismatch & { provider: ApiId })[];
  coverageGaps: string[];
}

const count = (results: { verdict: Verdict }[], verdict: Verdict) =>
  results.filter((r) => r.verdict === verdict).length;

export function buildReport(input: {
  durationMs: number;
  targets: TargetSummary[];
  coverage?: OperationCoverage[];
  coverageGaps?: string[];
  interactions?: VerifiedInteraction[];
  specMismatches?: (SpecMismatch & { provider: ApiId })[];
  failOnSkipped?: boolean;
  /** Why the run stopped before verifying; makes the report an errored one. */
  error?: string;
}): ConformanceReport {
  const interactions = input.interactions ?? [];
  const specMismatches = input.specMismatches ?? [];
  const coverageGaps = input.coverageGaps ?? [];
  const failOnSkipped = input.failOnSkipped ?? false;
  const operations = (input.coverage ?? []).map((row) => {
    const mine = interactions.filter(
      (r) => r.provider === row.provider && row.interactions.includes(r.description),
    );
    return {
      ...row,
      passed: count(mine, 'passed'),
      failed: count(mine, 'failed'),
      skipped: count(mine, 'skipped'),
    };
  });
  const totals = {
    operations: operations.length,
    covered: operations.filter((row) => row.success > 0 && row.errors > 0).length,
    interactions: interactions.length,
    passed: count(interactions, 'passed'),
    failed: count(interactions, 'failed'),
    skipped: count(interactions, 'skipped'),
    specMismatches: specMismatches.length,
  };
  const failed =
    totals.failed > 0 ||
    specMismatches.length > 0 ||
    coverageGaps.length > 0 ||
    (failOnSkipped && totals.skipped > 0);
  const status = input.error !== undefined ? 'errored' : failed ? 'failed' : 'passed';
  return {
    generatedAt: new Date().toISOString(),
    durationMs: Math.round(input.durationMs),
    status,
    headline: headline(status, totals, input.error, failOnSkipped, interactions),
    ...(input.error !== undefined ? { error: input.error } : {}),
    failOnSkipped,
    passed: status === 'passed',
    targets: input.targets,
    totals,
    operations,
    interactions,
    specMismatches,
    coverageGaps,
  };
}

/** "Passed" only when nothing was skipped; otherwise the number skipped and why, or what failed. */
function headline(
  status: ConformanceReport['status'],
  totals: ConformanceReport['totals'],
  error: string | undefined,
  failOnSkipped: boolean,
  interactions: VerifiedInteraction[],
): string {
  if (status === 'errored') return `Errored: ${error}`;
  const reasons = [
    ...new Set(interactions.filter((r) => r.verdict === 'skipped').map((r) => r.reason ?? 'no reason')),
  ];
  const skips =
    totals.skipped > 0
      ? `${totals.skipped} skipped (${reasons.length === 1 ? reasons[0] : `${reasons.length} reasons, listed above`})`
      : '';
  if (status === 'failed') {
    const problems = [
      totals.failed > 0 ? `${totals.failed} of ${totals.interactions} interactions failed` : '',
      totals.specMismatches > 0 ? `${totals.specMismatches} spec mismatches` : '',
      totals.operations > totals.covered
        ? `${totals.operations - totals.covered} operations not covered`
        : '',
      failOnSkipped && totals.skipped > 0 ? `${skips} with --fail-on-skipped` : '',
    ].filter(Boolean);
    return `FAILED: ${problems.join('; ')}`;
  }
  if (totals.skipped > 0)
    return `Passed with ${skips}: ${totals.passed} of ${totals.interactions} interactions verified`;
  return `Passed: all ${totals.interactions} interactions verified`;
}
