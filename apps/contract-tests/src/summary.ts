import type { ApiId } from '@vouchspec/spec';
import type { Verdict } from './verify.js';

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

export function formatSummary(providers: ApiId[], results: { provider: ApiId; verdict: Verdict }[]): string {
  const count = (rows: typeof results, verdict?: Verdict) =>
    rows.filter((r) => !verdict || r.verdict === verdict).length;
  const rows: (string | number)[][] = [['provider', 'interactions', 'passed', 'failed', 'skipped']];
  for (const provider of providers) {
    const mine = results.filter((r) => r.provider === provider);
    rows.push([provider, count(mine), count(mine, 'passed'), count(mine, 'failed'), count(mine, 'skipped')]);
  }
  rows.push([
    'total',
    count(results),
    count(results, 'passed'),
    count(results, 'failed'),
    count(results, 'skipped'),
  ]);
  return `Summary (${providers.length} providers)\n${table(rows)}`;
}
