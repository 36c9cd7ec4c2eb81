/** Statistics over timings, and how the results table writes numbers. */
import { MiB } from './settings.js';

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

export function quantile(values: readonly number[], q: number): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}
export const median = (values: readonly number[]) => {
  const s = sorted(values);
  const mid = s.length / 2;
  return s.length % 2 ? (s[Math.floor(mid)] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
export const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
export const max = (values: readonly number[]) =>
  values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);

export const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
export const msText = (ms: number) => (ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`);
export const ratioText = (r: number) => r.toFixed(3);
export const mibText = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
export const verdict = (ok: boolean) => (ok ? 'pass' : '**FAIL**');
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const list = (values: readonly number[], format: (n: number) => string) =>
  values.map(format).join(', ');
