/** The run's outcome for the console: a plain-text table per operation, the totals, and what failed. */

import type { Verdict } from '../types.js';
import type { ConformanceReport, OperationRow } from './build-report.js';

export function mark(verdict: Verdict): string {
  return verdict === 'passed' ? '✓' : verdict === 'failed' ? '✗' : '–';
}

/** A plain-text table of rows; the first row is the header. Numbers align right. */
export function table(rows: (string | number)[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          typeof cell === 'number'
            ? String(cell).padStart(widths[column] ?? 0)
            : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const operationHeader = [
  'provider',
  'operation',
  'interactions',
  'passed',
  'failed',
  'skipped',
  'statuses',
];
export const operationCells = (row: OperationRow) => [
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
