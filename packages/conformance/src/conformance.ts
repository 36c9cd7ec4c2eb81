/**
 * The conformance run over recorded pacts, in stages:
 *   1. preflight — every configured server answers, over valid TLS, and accepts the credentials;
 *   2. check     — each pact against the spec, and operation coverage;
 *   3. verify    — every interaction against its target, in worker processes: workers with an embedded mock
 *                  server each share out the interactions of every provider not configured; each configured
 *                  server gets one worker (its data is shared, so its interactions run in order). Started
 *                  before the check, which runs meanwhile;
 *   4. report    — the outcome as data, written as JUnit, JSON and Markdown, redacted.
 * Used by the CLI and by the tests.
 */
import { availableParallelism } from 'node:os';
import type { ApiId } from '@vouchspec/spec';
import { compareWithSpec, type SpecMismatch } from './compare.js';
import type { RealTargetConfig } from './config.js';
import { coverageGaps, coverageOf, type OperationCoverage } from './coverage.js';
import { placeholders } from './credentials.js';
import { findPacts, shippedPactsDir } from './pacts.js';
import { type PreflightResult, preflight } from './preflight.js';
import { createRedactor } from './redact.js';
import {
  buildReport,
  type ConformanceReport,
  formatConsole,
  type TargetSummary,
  writeReports,
} from './reports.js';
import { runVerification, type VerificationRun, type VerifiedInteraction } from './run-verification.js';
import { mark } from './summary.js';
import type { InteractionResult, PactDocument } from './verify.js';
import { readPact } from './verify.js';

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

export interface ConformanceOutcome {
  report: ConformanceReport;
  reportFiles: string[];
  /** The per-operation table, totals and headline for the console, redacted. */
  summary: string;
}

/** Deals items round-robin into `count` hands (fewer when there are fewer items), so each gets a similar mix. */
function deal<T>(items: T[], count: number): T[][] {
  const hands: T[][] = Array.from({ length: Math.max(1, Math.min(count, items.length)) }, () => []);
  for (const [index, item] of items.entries()) hands[index % hands.length]?.push(item);
  return hands;
}

type ReportOptions = Pick<ConformanceOptions, 'providers' | 'real' | 'reportsDir'>;

/** Writes a report redacted of every configured credential; returns it with the files and console text. */
async function finish(options: ReportOptions, report: ConformanceReport): Promise<ConformanceOutcome> {
  const redact = redactorFor(options);
  // Verifier reports can quote requests; nothing that leaves this module carries a credential.
  const redacted: ConformanceReport = JSON.parse(redact(JSON.stringify(report)));
  const reportFiles = await writeReports(options.reportsDir, redacted, redact);
  return { report: redacted, reportFiles, summary: redact(formatConsole(redacted)) };
}

function redactorFor(options: Pick<ConformanceOptions, 'real'>) {
  return createRedactor(Object.values(options.real ?? {}).flatMap((target) => target?.secrets ?? []));
}

function targetSummaries(
  options: Pick<ConformanceOptions, 'providers' | 'real'>,
  identified: Partial<Record<ApiId, PreflightResult>>,
): TargetSummary[] {
  return options.providers.map((provider) => {
    const configured = options.real?.[provider];
    if (!configured) return { provider, kind: 'embedded mock', baseUrl: '' };
    return { provider, kind: identified[provider]?.isMock ? 'mock' : 'real', baseUrl: configured.baseUrl };
  });
}

/**
 * The reports of a run that stopped before verifying (a target that could not be used, a recording that
 * failed): marked errored, with the reason.
 */
export function reportErroredRun(
  options: ReportOptions,
  error: string,
  durationMs: number,
): Promise<ConformanceOutcome> {
  return finish(options, buildReport({ durationMs, targets: targetSummaries(options, {}), error }));
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
  const targets = targetSummaries(options, identified);

  const pactFiles = await findPacts(options.pactsDir ?? shippedPactsDir, options.providers);
  const pacts = new Map<ApiId, PactDocument>();
  for (const provider of options.providers) pacts.set(provider, await readPact(pactFiles[provider]));

  // 3. Verify, started first: the workers load Pact and their mocks while this process checks the pacts.
  // Their progress is held back until the check has been reported, so the output reads in order.
  const total = [...pacts.values()].reduce((sum, pact) => sum + pact.interactions.length, 0);
  let done = 0;
  let held: string[] | undefined = [];
  const progress = (line: string) => (held ? held.push(line) : log(line));
  const onResult = (result: InteractionResult) => {
    done++;
    const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
    progress(
      `  ${counter} ${mark(result.verdict)} ${result.provider} ${result.description} (${result.method} ${result.path} → ${result.status})${result.verdict === 'skipped' ? ` — skipped: ${result.reason}` : ''}`,
    );
  };
  const positions = (provider: ApiId) => [...(pacts.get(provider)?.interactions.keys() ?? [])];
  const runs: Promise<VerificationRun>[] = [];
  const plan: string[] = [];
  for (const provider of options.providers) {
    const configured = real[provider];
    if (!configured) continue;
    const kind = identified[provider]?.isMock ? 'mock' : 'real';
    plan.push(
      `  ${provider}: ${positions(provider).length} interactions against ${configured.baseUrl} (${kind})`,
    );
    // One worker per configured server: its data is shared, so its interactions run in order.
    const target = {
      provider,
      baseUrl: configured.baseUrl,
      kind,
      credentials: configured.credentials,
    } as const;
    runs.push(
      runVerification([{ target, pactPath: pactFiles[provider], only: positions(provider) }], onResult),
    );
  }
  const embedded = options.providers.filter((provider) => !real[provider]);
  if (embedded.length > 0) {
    const hands = deal(
      embedded.flatMap((provider) => positions(provider).map((index) => ({ provider, index }))),
      options.mockWorkers ?? Math.max(2, availableParallelism()),
    );
    plan.push(
      `  ${embedded.join(', ')}: ${hands.flat().length} interactions against embedded mock servers (${hands.length} workers)`,
    );
    // Each worker starts a mock of its own that serves every provider, so its interactions share no state.
    const embeddedMock = { validateResponses: options.validateMockResponses ?? false };
    for (const hand of hands) {
      const jobs = embedded.map((provider) => ({
        target: { provider, baseUrl: '', kind: 'mock', credentials: placeholders } as const,
        pactPath: pactFiles[provider],
        only: hand.filter((item) => item.provider === provider).map((item) => item.index),
      }));
      runs.push(runVerification(jobs, onResult, embeddedMock));
    }
  }
  const verifying = Promise.all(runs);
  // A failed worker is reported when awaited below, after the check.
  verifying.catch(() => {});

  // 2. Check
  log('Check: the pacts against the spec, and operation coverage');
  const specMismatches: (SpecMismatch & { provider: ApiId })[] = [];
  const coverage: OperationCoverage[] = [];
  const gaps: string[] = [];
  for (const [provider, pact] of pacts) {
    const mismatches = await compareWithSpec(provider, pact);
    specMismatches.push(...mismatches.map((m) => ({ ...m, provider })));
    const report = coverageOf(provider, pact);
    coverage.push(...report.operations);
    gaps.push(...coverageGaps(report));
    const covered = report.operations.filter((row) => row.success > 0 && row.errors > 0).length;
    log(
      `  ${provider}: ${pact.interactions.length} interactions, ${covered}/${report.operations.length} operations covered, ${mismatches.length} spec mismatches`,
    );
  }
  log('Verify: every interaction against its provider');
  for (const line of [...plan, ...held]) log(line);
  held = undefined;
  const workerRuns = await verifying;
  const verified = workerRuns.flatMap((run) => run.results);
  // A worker that stopped early leaves interactions without a verdict: they failed, for its reason.
  const stops = workerRuns.flatMap((run) => (run.stopped ? [run.stopped] : []));
  const seen = new Set(verified.map((r) => `${r.provider}#${r.index}`));
  for (const [provider, pact] of pacts) {
    for (const [index, interaction] of pact.interactions.entries()) {
      if (seen.has(`${provider}#${index}`)) continue;
      const result: VerifiedInteraction = {
        provider,
        index,
        description: interaction.description,
        method: interaction.request.method,
        path: interaction.request.path,
        status: interaction.response.status,
        states: (interaction.providerStates ?? []).map((state) => state.name),
        verdict: 'failed',
        reason: `not verified: the verification stopped (${stops[0] ?? 'no verdict came back'})`,
        ranVerifier: false,
        durationMs: 0,
      };
      verified.push(result);
      onResult(result);
    }
  }
  const order = options.providers;
  const interactions: VerifiedInteraction[] = verified.sort(
    (a, b) => order.indexOf(a.provider) - order.indexOf(b.provider) || a.index - b.index,
  );
  // When anything failed, ask the configured servers again: one that went away ends the run as errored.
  let error: string | undefined;
  if (stops.length > 0 || verified.some((r) => r.verdict === 'failed')) {
    try {
      await preflight(real);
    } catch (unavailable) {
      error = `${(unavailable as Error).message} (it stopped answering during the run)`;
    }
  }

  // 4. Report
  return finish(
    options,
    buildReport({
      durationMs: performance.now() - started,
      targets,
      coverage,
      coverageGaps: gaps,
      interactions,
      specMismatches,
      failOnSkipped: options.failOnSkipped,
      ...(error ? { error } : {}),
    }),
  );
}
