/**
 * A conformance run over recorded pacts, as one sequence of stages, each its own module:
 *   1. preflight — every configured server answers, over valid TLS, and accepts the credentials;
 *   2. check     — each pact against the spec, and operation coverage;
 *   3. verify    — every interaction against its target, in worker processes (started before the check,
 *                  which runs meanwhile);
 *   4. report    — the outcome as data, written as JUnit, JSON and Markdown, redacted.
 * Used by the CLI (which runs the preflight first, before recording) and by the tests.
 */
import type { ApiId } from '@vouchspec/spec';
import { checkPacts } from './check/check-pacts.js';
import type { RealTargetConfig } from './config.js';
import { loadPacts, shippedPactsDir } from './pacts.js';
import { type PreflightResult, preflight } from './preflight/preflight.js';
import { buildReport } from './report/build-report.js';
import { mark } from './report/console.js';
import {
  type ConformanceOutcome,
  finishReport,
  redactorFor,
  reportErroredRun,
  targetSummaries,
} from './report/outcome.js';
import type { InteractionResult } from './types.js';
import { startVerification } from './verify/verification.js';

export type { ConformanceOutcome } from './report/outcome.js';

export interface ConformanceOptions {
  providers: ApiId[];
  /** Providers to verify against a server of the user's; the others go to embedded mock servers. */
  real?: Partial<Record<ApiId, RealTargetConfig>>;
  /** What the preflight found for `real`, when it already ran (the CLI runs it before recording). */
  preflight?: Partial<Record<ApiId, PreflightResult>>;
  /** The pacts to verify (default: the ones shipped in this package). */
  pactsDir?: string;
  reportsDir: string;
  /** Count skipped interactions as a failure (`--fail-on-skipped`). */
  failOnSkipped?: boolean;
  /** Progress lines, already redacted. */
  log?: (line: string) => void;
  /** Worker processes for the embedded mock servers (default: one per core, at least two). */
  mockWorkers?: number;
  /** Have the embedded mock check its own responses against the spec too (slower; the tests do). */
  validateMockResponses?: boolean;
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceOutcome> {
  const started = performance.now();
  const real = options.real ?? {};
  const redact = redactorFor(options);
  const log = (line: string) => options.log?.(redact(line));

  // 1. Preflight
  let identified = options.preflight;
  if (!identified) {
    try {
      identified = await preflight(real);
    } catch (error) {
      return reportErroredRun(options, (error as Error).message, performance.now() - started);
    }
  }
  const pacts = await loadPacts(options.pactsDir ?? shippedPactsDir, options.providers);

  // 3. Verify, started first: the workers load Pact and their mocks while this process checks the pacts.
  // Their progress is held back until the check has been reported, so the output reads in order.
  const progress = heldBack(log);
  const verification = startVerification({
    ...options,
    real,
    identified,
    pacts,
    onResult: progressLine(pacts.documents, progress.line),
  });

  // 2. Check
  log('Check: the pacts against the spec, and operation coverage');
  const check = await checkPacts(pacts.documents, log);

  // 3. Verify
  log('Verify: every interaction against its provider');
  for (const line of verification.plan) log(line);
  progress.release();
  const verified = await verification.finished;
  // When anything failed, ask the configured servers again: one that went away ends the run as errored.
  let error: string | undefined;
  if (verified.stopped || verified.interactions.some((r) => r.verdict === 'failed')) {
    try {
      await preflight(real);
    } catch (unavailable) {
      error = `${(unavailable as Error).message} (it stopped answering during the run)`;
    }
  }

  // 4. Report
  return finishReport(
    options,
    buildReport({
      durationMs: performance.now() - started,
      targets: targetSummaries(options, identified),
      coverage: check.coverage,
      coverageGaps: check.coverageGaps,
      interactions: verified.interactions,
      specMismatches: check.specMismatches,
      failOnSkipped: options.failOnSkipped,
      ...(error ? { error } : {}),
    }),
  );
}

/** A log whose lines are kept until `release`, then written at once and passed straight on. */
function heldBack(log: (line: string) => void) {
  let held: string[] | undefined = [];
  return {
    line: (line: string) => (held ? held.push(line) : log(line)),
    release() {
      for (const line of held ?? []) log(line);
      held = undefined;
    },
  };
}

/** One progress line per verdict: `[ 12/234] ✓ voucherify getProject: … (GET /… → 200)`. */
function progressLine(pacts: ReadonlyMap<ApiId, { interactions: unknown[] }>, write: (line: string) => void) {
  const total = [...pacts.values()].reduce((sum, pact) => sum + pact.interactions.length, 0);
  let done = 0;
  return (result: InteractionResult) => {
    done++;
    const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
    const skipped = result.verdict === 'skipped' ? ` — skipped: ${result.reason}` : '';
    write(
      `  ${counter} ${mark(result.verdict)} ${result.provider} ${result.description} (${result.method} ${result.path} → ${result.status})${skipped}`,
    );
  };
}
