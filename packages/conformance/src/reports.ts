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
  kind: 'mock' | 'real';
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
  coverage: OperationCoverage[];
  coverageGaps: string[];
  interactions: VerifiedInteraction[];
  specMismatches: (SpecMismatch & { provider: ApiId })[];
}): ConformanceReport {
  const operations = input.coverage.map((row) => {
    const mine = input.interactions.filter(
      (r) => r.provider === row.provider && row.interactions.includes(r.description),
    );
    return {
      ...row,
      passed: count(mine, 'passed'),
      failed: count(mine, 'failed'),
      skipped: count(mine, 'skipped'),
    };
  });
  const failed = count(input.interactions, 'failed');
  return {
    generatedAt: new Date().toISOString(),
    durationMs: Math.round(input.durationMs),
    passed: failed === 0 && input.specMismatches.length === 0 && input.coverageGaps.length === 0,
    targets: input.targets,
    totals: {
      operations: operations.length,
      covered: operations.filter((row) => row.success > 0 && row.errors > 0).length,
      interactions: input.interactions.length,
      passed: count(input.interactions, 'passed'),
      failed,
      skipped: count(input.interactions, 'skipped'),
      specMismatches: input.specMismatches.length,
    },
    operations,
    interactions: input.interactions,
    specMismatches: input.specMismatches,
    coverageGaps: input.coverageGaps,
  };
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
  return lines.join('\n');
}

export function toJunit(report: ConformanceReport): string {
  const builder = junit.newBuilder().name('vouchspec conformance');
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

export function toMarkdown(report: ConformanceReport): string {
  const { totals } = report;
  const failures = report.interactions.filter((r) => r.verdict === 'failed');
  const skipped = report.interactions.filter((r) => r.verdict === 'skipped');
  const sections = [
    `# vouchspec conformance: ${report.passed ? 'passed' : 'FAILED'}`,
    `${report.generatedAt} · ${(report.durationMs / 1000).toFixed(1)} s`,
    markdownTable([
      ['provider', 'target', 'base URL'],
      ...report.targets.map((t) => [
        t.provider,
        t.kind === 'mock' ? 'embedded mock server' : 'real server',
        t.baseUrl,
      ]),
    ]),
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
  ];
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
