/**
 * The conformance run: consumer tests record the pacts, the pacts are checked against the spec and for
 * coverage, and each provider's pact is verified against its target — the embedded mock server unless a real
 * server is configured. Used by the CLI and by the tests of the real-server path.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createMockServer, type MockServer } from '@vouchspec/mock-server';
import type { ApiId } from '@vouchspec/spec';
import { runNodeScript } from './child-process.js';
import { compareWithSpec, type SpecMismatch } from './compare.js';
import type { RealTargetConfig } from './config.js';
import { coverageGaps, coverageOf, type OperationCoverage } from './coverage.js';
import { placeholders } from './credentials.js';
import { consumerName } from './pact.js';
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
  pactsDir: string;
  reportsDir: string;
  /** Run the consumer tests first (the CLI does); false verifies the pacts already in `pactsDir`. */
  runConsumerTests?: boolean;
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

export class ConsumerTestsFailed extends Error {}

const appDir = new URL('..', import.meta.url).pathname;

/** Runs the vitest consumer project in a child process writing to `pactsDir`; reports its totals. */
async function runConsumerTests(pactsDir: string, log: (line: string) => void): Promise<void> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const { code, output } = await runNodeScript(
    [vitest, 'run', '--project', 'consumer', '--reporter', 'dot'],
    {
      cwd: appDir,
      env: { ...process.env, VOUCHSPEC_PACTS_DIR: pactsDir },
    },
  );
  for (const line of output.split('\n').filter((l) => /Test Files|Tests /.test(l))) log(`  ${line.trim()}`);
  if (code !== 0) {
    log(output);
    throw new ConsumerTestsFailed(`the consumer tests failed (exit code ${code}); no pact was verified`);
  }
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
  const pactPath = (provider: ApiId) => join(options.pactsDir, `${consumerName}-${provider}.json`);

  if (options.runConsumerTests ?? true) {
    log('1/3 Consumer tests: recording the pacts through @vouchspec/client');
    await runConsumerTests(options.pactsDir, log);
  }

  log('2/3 Pacts against the spec and operation coverage');
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

  log('3/3 Provider verification');
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
        parts.map(() => createMockServer({ validateResponses: options.validateMockResponses ?? false })),
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
