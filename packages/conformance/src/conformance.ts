/**
 * The conformance run over recorded pacts, in stages:
 *   1. preflight — every configured server answers, over valid TLS, and accepts the credentials;
 *   2. check     — each pact against the spec, and operation coverage;
 *   3. verify    — every interaction against its target, in worker processes: embedded mock servers share
 *                  the interactions of every provider not configured; each configured server gets one worker
 *                  (its data is shared, so its interactions run in order);
 *   4. report    — the outcome as data, written as JUnit, JSON and Markdown, redacted.
 * Used by the CLI and by the tests.
 */
import { availableParallelism } from 'node:os';
import { type MockServer, startMockServer } from '@vouchspec/mock-server';
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
import { runVerification, type VerificationJob, type VerifiedInteraction } from './run-verification.js';
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

  // 2. Check
  log('Check: the pacts against the spec, and operation coverage');
  const pactFiles = await findPacts(options.pactsDir ?? shippedPactsDir, options.providers);
  const pacts = new Map<ApiId, PactDocument>();
  const specMismatches: (SpecMismatch & { provider: ApiId })[] = [];
  const coverage: OperationCoverage[] = [];
  const gaps: string[] = [];
  for (const provider of options.providers) {
    const pact = await readPact(pactFiles[provider]);
    pacts.set(provider, pact);
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

  // 3. Verify
  log('Verify: every interaction against its provider');
  const total = [...pacts.values()].reduce((sum, pact) => sum + pact.interactions.length, 0);
  let done = 0;
  const onResult = (result: InteractionResult) => {
    done++;
    const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
    log(
      `  ${counter} ${mark(result.verdict)} ${result.provider} ${result.description} (${result.method} ${result.path} → ${result.status})${result.verdict === 'skipped' ? ` — skipped: ${result.reason}` : ''}`,
    );
  };
  const positions = (provider: ApiId) => [...(pacts.get(provider)?.interactions.keys() ?? [])];
  const workers: VerificationJob[][] = [];
  for (const provider of options.providers) {
    const configured = real[provider];
    if (!configured) continue;
    const kind = identified[provider]?.isMock ? 'mock' : 'real';
    log(`  ${provider}: ${positions(provider).length} interactions against ${configured.baseUrl} (${kind})`);
    const target = {
      provider,
      baseUrl: configured.baseUrl,
      kind,
      credentials: configured.credentials,
    } as const;
    workers.push([{ target, pactPath: pactFiles[provider], only: positions(provider) }]);
  }
  const embedded = options.providers.filter((provider) => !real[provider]);
  const mocks: MockServer[] = [];
  try {
    if (embedded.length > 0) {
      const hands = deal(
        embedded.flatMap((provider) => positions(provider).map((index) => ({ provider, index }))),
        options.mockWorkers ?? Math.max(2, availableParallelism()),
      );
      // One embedded mock per worker serves every provider, so a worker's interactions never share state.
      mocks.push(
        ...(await Promise.all(
          hands.map(() => startMockServer({ validateResponses: options.validateMockResponses ?? false })),
        )),
      );
      log(
        `  ${embedded.join(', ')}: ${hands.flat().length} interactions against embedded mock servers (${hands.length} workers)`,
      );
      hands.forEach((hand, worker) => {
        const baseUrl = mocks[worker]?.url ?? '';
        workers.push(
          embedded.map((provider) => ({
            target: { provider, baseUrl, kind: 'mock', credentials: placeholders },
            pactPath: pactFiles[provider],
            only: hand.filter((item) => item.provider === provider).map((item) => item.index),
          })),
        );
      });
    }
    const verified = (await Promise.all(workers.map((jobs) => runVerification(jobs, onResult)))).flat();
    const order = options.providers;
    const interactions: VerifiedInteraction[] = verified.sort(
      (a, b) => order.indexOf(a.provider) - order.indexOf(b.provider) || a.index - b.index,
    );

    // 4. Report
    return await finish(
      options,
      buildReport({
        durationMs: performance.now() - started,
        targets,
        coverage,
        coverageGaps: gaps,
        interactions,
        specMismatches,
        failOnSkipped: options.failOnSkipped,
      }),
    );
  } finally {
    await Promise.all(mocks.map((mock) => mock.close()));
  }
}
