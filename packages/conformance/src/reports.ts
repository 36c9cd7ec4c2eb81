/**
 * The conformance run's outcome as data, as a console table, and as the files CI systems read: JUnit XML
 * (one test case per interaction), JSON, and Markdown. Files are written whole or not at all.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiId } from '@vouchspec/spec';
import junit from 'junit-report-builder';
import { markdownTable } from 'markdown-table';
import type { SpecMismatch } from './compare.js';
import type { OperationCoverage } from './coverage.js';
import type { VerifiedInteraction } from './run-verification.js';
import { mark, table } from './summary.js';
import type { Verdict } from './verify.js';

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

const operationHeader = ['provider', 'operation', 'interactions', 'passed', 'failed', 'skipped', 'statuses'];
const operationCells = (row: OperationRow) => [
  row.provider,
  row.operationId,
  row.interactions.length,
  row.passed,
  row.failed,
  row.skipped,
  row.statuses.join(' '),
];

/** The per-operation table and totals, for the console. */
export function formatConsole(report: ConformanceReport): string {
  const { totals } = report;
  const lines = [
    table([operationHeader, ...report.operations.map(operationCells)]),
    '',
    `Operations covered: ${totals.covered}/${totals.operations} (a success and an error interaction each)`,
    `Interactions: ${totals.interactions} — ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
    `Pacts against the spec: ${totals.specMismatches === 0 ? 'no mismatches' : `${totals.specMismatches} mismatches`}`,
  ];
  for (const gap of report.coverageGaps) lines.push(`  ✗ coverage: ${gap}`);
  for (const m of report.specMismatches)
    lines.push(`  ✗ spec: ${m.interaction}: ${m.code} ${m.message} (${m.location})`);
  const skipped = report.interactions.filter((r) => r.verdict === 'skipped');
  for (const reason of new Set(skipped.map((r) => r.reason)))
    lines.push(
      `  ${mark('skipped')} skipped ${skipped.filter((r) => r.reason === reason).length}: ${reason}`,
    );
  if (report.status === 'errored' && report.interactions.length === 0) return report.headline;
  return lines.join('\n');
}

export function toJunit(report: ConformanceReport): string {
  const builder = junit.newBuilder().name('vouchspec conformance');
  if (report.status === 'errored') {
    // CI systems show an errored test case prominently; the run's reason is its message.
    builder
      .testSuite()
      .name('conformance run')
      .testCase()
      .className('preflight')
      .name('the targets answer and accept the credentials')
      .error(report.error ?? 'errored', 'TargetUnavailable');
    if (report.interactions.length === 0) return builder.build();
  }
  if (report.failOnSkipped && report.totals.skipped > 0)
    builder
      .testSuite()
      .name('conformance run')
      .testCase()
      .className('run')
      .name('no interaction is skipped (--fail-on-skipped)')
      .failure(`${report.totals.skipped} interactions were skipped`);
  const specSuite = builder.testSuite().name('pacts against the spec');
  for (const provider of new Set(report.targets.map((t) => t.provider))) {
    const mismatches = report.specMismatches.filter((m) => m.provider === provider);
    const testCase = specSuite
      .testCase()
      .className(provider)
      .name(`${provider} pact matches the bundled spec`);
    if (mismatches.length > 0)
      testCase.failure(
        mismatches.map((m) => `${m.interaction}: ${m.code} ${m.message} (${m.location})`).join('\n'),
      );
  }
  const coverageSuite = builder.testSuite().name('operation coverage');
  for (const row of report.operations) {
    const testCase = coverageSuite
      .testCase()
      .className(row.provider)
      .name(`${row.operationId} has a success and an error interaction`);
    if (row.success === 0 || row.errors === 0)
      testCase.failure(`${row.success} success and ${row.errors} error interactions`);
  }
  for (const target of report.targets) {
    const suite = builder.testSuite().name(`${target.provider} provider verification (${target.kind})`);
    suite.property('baseUrl', target.baseUrl);
    for (const result of report.interactions.filter((r) => r.provider === target.provider)) {
      const operation = report.operations.find(
        (row) => row.provider === result.provider && row.interactions.includes(result.description),
      );
      const testCase = suite
        .testCase()
        .className(`${result.provider}.${operation?.operationId ?? 'unknown'}`)
        .name(result.description)
        .time(result.durationMs / 1000);
      if (result.verdict === 'failed') testCase.failure(result.reason ?? 'failed', 'VerificationFailure');
      if (result.verdict === 'failed' && result.log) testCase.standardOutput(result.log);
      if (result.verdict === 'skipped') testCase.skipped().standardOutput(result.reason ?? 'skipped');
    }
  }
  return builder.build();
}

const targetKinds: Record<TargetSummary['kind'], string> = {
  'embedded mock': 'embedded mock server',
  mock: 'vouchspec mock server',
  real: 'real server',
};

export function toMarkdown(report: ConformanceReport): string {
  const { totals } = report;
  const failures = report.interactions.filter((r) => r.verdict === 'failed');
  const skipped = report.interactions.filter((r) => r.verdict === 'skipped');
  const sections = [
    `# vouchspec conformance: ${report.headline}`,
    `${report.generatedAt} · ${(report.durationMs / 1000).toFixed(1)} s`,
    markdownTable([
      ['provider', 'target', 'base URL'],
      ...report.targets.map((t) => [t.provider, targetKinds[t.kind], t.baseUrl || '—']),
    ]),
  ];
  if (report.status === 'errored' && report.interactions.length === 0)
    return `${[...sections, 'The run stopped before any interaction was verified.'].join('\n\n')}\n`;
  sections.push(
    markdownTable(
      [
        ['operations covered', 'interactions', 'passed', 'failed', 'skipped', 'spec mismatches'],
        [
          `${totals.covered}/${totals.operations}`,
          totals.interactions,
          totals.passed,
          totals.failed,
          totals.skipped,
          totals.specMismatches,
        ].map(String),
      ],
      { align: ['l', 'r', 'r', 'r', 'r', 'r'] },
    ),
    '## Operations',
    markdownTable([operationHeader, ...report.operations.map((row) => operationCells(row).map(String))], {
      align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
    }),
  );
  if (report.coverageGaps.length > 0)
    sections.push('## Coverage gaps', report.coverageGaps.map((gap) => `- ${gap}`).join('\n'));
  if (report.specMismatches.length > 0)
    sections.push(
      '## Spec mismatches',
      report.specMismatches
        .map((m) => `- **${m.interaction}**: ${m.code} ${m.message} (\`${m.location}\`)`)
        .join('\n'),
    );
  if (failures.length > 0)
    sections.push(
      '## Failures',
      failures
        .map(
          (r) =>
            `### ${r.description}\n\n${r.method} ${r.path} → ${r.status}\n\n\`\`\`\n${r.log ?? r.reason ?? ''}\n\`\`\``,
        )
        .join('\n\n'),
    );
  if (skipped.length > 0)
    sections.push('## Skipped', skipped.map((r) => `- ${r.description}: ${r.reason ?? ''}`).join('\n'));
  return `${sections.join('\n\n')}\n`;
}

/** Writes `conformance.json`, `junit.xml` and `conformance.md`, each through a temporary file and a rename. */
export async function writeReports(
  dir: string,
  report: ConformanceReport,
  redact: (text: string) => string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['conformance.json', `${JSON.stringify(report, null, 2)}\n`],
    ['junit.xml', toJunit(report)],
    ['conformance.md', toMarkdown(report)],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const file = join(dir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, redact(content));
    await rename(temporary, file);
    written.push(file);
  }
  return written;
}
