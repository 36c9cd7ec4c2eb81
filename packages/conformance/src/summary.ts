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
