/**
 * The conformance run over recorded pacts: each is checked against the spec and for operation coverage, then
 * verified interaction by interaction against its target — the embedded mock server unless a real server is
 * configured — and the outcome is written as reports. Used by the CLI and by the tests.
 */
import { availableParallelism } from 'node:os';
import { type MockServer, startMockServer } from '@vouchspec/mock-server';
import type { ApiId } from '@vouchspec/spec';
import { compareWithSpec, type SpecMismatch } from './compare.js';
import type { RealTargetConfig } from './config.js';
import { coverageGaps, coverageOf, type OperationCoverage } from './coverage.js';
import { placeholders } from './credentials.js';
import { findPacts, shippedPactsDir } from './pacts.js';
import { createRedactor } from './redact.js';
import {
  buildReport,
  type ConformanceReport,
  formatConsole,
  type TargetSummary,
  writeReports,
} from './reports.js';
import { runVerification, type VerifiedInteraction } from './run-verification.js';
import { mark } from './summary.js';
import type { ProviderTarget } from './target.js';
import { type InteractionResult, type PactDocument, readPact } from './verify.js';

export interface ConformanceOptions {
  providers: ApiId[];
  /** Providers to verify against a real server; the others go to the embedded mock. */
  real?: Partial<Record<ApiId, RealTargetConfig>>;
  /** The pacts to verify (default: the ones shipped in this package). */
  pactsDir?: string;
  reportsDir: string;
  /** Progress lines, already redacted. */
  log?: (line: string) => void;
  /** Workers sharing one provider's interactions on the mock (each with its own mock server). */
  mockWorkers?: number;
  /** Have the embedded mock check its own responses against the spec too (slower; the tests do). */
  validateMockResponses?: boolean;
}

export interface ConformanceOutcome {
  report: ConformanceReport;
  reportFiles: string[];
  /** The per-operation table and totals for the console, redacted. */
  summary: string;
}

/** Splits interaction positions round-robin, so every worker gets a similar mix. */
function shards(length: number, workers: number): number[][] {
  const out: number[][] = Array.from({ length: Math.max(1, Math.min(workers, length)) }, () => []);
  for (let index = 0; index < length; index++) out[index % out.length]?.push(index);
  return out;
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceOutcome> {
  const started = performance.now();
  const real = options.real ?? {};
  const redact = createRedactor(Object.values(real).flatMap((target) => target?.secrets ?? []));
  const log = (line: string) => options.log?.(redact(line));
  const pactFiles = await findPacts(options.pactsDir ?? shippedPactsDir, options.providers);
  const pactPath = (provider: ApiId) => pactFiles[provider];

  log('Check: the pacts against the spec, and operation coverage');
  const pacts = new Map<ApiId, PactDocument>();
  const specMismatches: (SpecMismatch & { provider: ApiId })[] = [];
  const coverage: OperationCoverage[] = [];
  const gaps: string[] = [];
  for (const provider of options.providers) {
    const pact = await readPact(pactPath(provider));
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
  const mocks: MockServer[] = [];
  const targets: TargetSummary[] = [];
  const interactions: VerifiedInteraction[] = [];
  try {
    const runs = options.providers.map(async (provider) => {
      const configured = real[provider];
      const count = pacts.get(provider)?.interactions.length ?? 0;
      if (configured) {
        targets.push({ provider, kind: 'real', baseUrl: configured.baseUrl });
        log(`  ${provider}: ${count} interactions against ${configured.baseUrl}`);
        // One worker: a real account's data is shared, so its interactions run in order.
        const target: ProviderTarget = {
          provider,
          baseUrl: configured.baseUrl,
          kind: 'real',
          credentials: configured.credentials,
        };
        return runVerification(target, pactPath(provider), onResult);
      }
      const parts = shards(count, options.mockWorkers ?? Math.min(4, availableParallelism()));
      const servers = await Promise.all(
        parts.map(() => startMockServer({ validateResponses: options.validateMockResponses ?? false })),
      );
      mocks.push(...servers);
      targets.push({ provider, kind: 'mock', baseUrl: servers[0]?.url ?? '' });
      log(`  ${provider}: ${count} interactions against the embedded mock server (${parts.length} workers)`);
      const results = await Promise.all(
        parts.map((only, shard) => {
          const target: ProviderTarget = {
            provider,
            baseUrl: servers[shard]?.url ?? '',
            kind: 'mock',
            credentials: placeholders,
          };
          return runVerification(target, pactPath(provider), onResult, only);
        }),
      );
      return results.flat();
    });
    for (const results of await Promise.all(runs)) interactions.push(...results);
  } finally {
    await Promise.all(mocks.map((mock) => mock.close()));
  }

  const order = options.providers;
  interactions.sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider) || a.index - b.index);
  targets.sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider));
  // Verifier reports can quote requests; nothing that leaves this function carries a credential.
  const report: ConformanceReport = JSON.parse(
    redact(
      JSON.stringify(
        buildReport({
          durationMs: performance.now() - started,
          targets,
          coverage,
          coverageGaps: gaps,
          interactions,
          specMismatches,
        }),
      ),
    ),
  );
  const reportFiles = await writeReports(options.reportsDir, report, redact);
  return { report, reportFiles, summary: redact(formatConsole(report)) };
}
