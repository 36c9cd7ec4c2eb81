/**
 * The drift report: per operation, how many calls were seen, how many conformed, and each distinct violation
 * with how often it occurred. Rendered as JSON, Markdown and JUnit; every text that leaves the proxy passes
 * through `redact`, which removes each credential value the proxy has seen.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Violation } from './check-exchange.js';

export interface OperationDrift {
  /** `api:operationId`, or `undocumented` for requests no operation matches. */
  operation: string;
  calls: number;
  conforming: number;
  violations: (Violation & { count: number })[];
}

export interface DriftReport {
  upstream: string;
  calls: number;
  conforming: number;
  violations: number;
  /** Requests that got a gateway error instead of an upstream answer. */
  upstreamErrors: number;
  operations: OperationDrift[];
}

export interface DriftRecorder {
  record(operation: string, violations: readonly Violation[]): void;
  upstreamError(): void;
  /** Remembers credential values, so that no output can carry them. */
  remember(values: Iterable<string>): void;
  redact(text: string): string;
  report(): DriftReport;
  /** Writes drift.json, drift.md and drift-junit.xml into `dir`; resolves to their paths. */
  write(dir: string): Promise<string[]>;
}

const redacted = '[redacted]';
/** Bounds the memory spent on remembered values; a value shorter than this is too short to be a credential. */
const maxRemembered = 10_000;
const minCredentialLength = 4;

export function createDriftRecorder(upstream: string): DriftRecorder {
  const operations = new Map<string, OperationDrift>();
  const secrets = new Set<string>();
  let upstreamErrors = 0;

  const redact = (text: string) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(redacted);
    return out;
  };
  const report = (): DriftReport => {
    const list = [...operations.values()].sort((a, b) => a.operation.localeCompare(b.operation));
    return JSON.parse(
      redact(
        JSON.stringify({
          upstream,
          calls: sum(list, (o) => o.calls),
          conforming: sum(list, (o) => o.conforming),
          violations: sum(list, (o) => sum(o.violations, (v) => v.count)),
          upstreamErrors,
          operations: list,
        }),
      ),
    ) as DriftReport;
  };

  return {
    record(operation, violations) {
      let drift = operations.get(operation);
      if (!drift) {
        drift = { operation, calls: 0, conforming: 0, violations: [] };
        operations.set(operation, drift);
      }
      drift.calls++;
      if (violations.length === 0) drift.conforming++;
      for (const violation of violations) {
        const same = drift.violations.find((v) => sameViolation(v, violation));
        if (same) same.count++;
        else drift.violations.push({ ...violation, count: 1 });
      }
    },
    upstreamError: () => {
      upstreamErrors++;
    },
    remember(values) {
      for (const value of values)
        if (value.length >= minCredentialLength && secrets.size < maxRemembered) secrets.add(value);
    },
    redact,
    report,
    async write(dir) {
      const current = report();
      await mkdir(dir, { recursive: true });
      const files: [string, string][] = [
        ['drift.json', `${JSON.stringify(current, null, 2)}\n`],
        ['drift.md', renderMarkdown(current)],
        ['drift-junit.xml', renderJunit(current)],
      ];
      // The renderers only rearrange the redacted report; redacting again guards against a future one that does not.
      await Promise.all(files.map(([name, text]) => writeFile(join(dir, name), redact(text))));
      return files.map(([name]) => join(dir, name));
    },
  };
}

/** One line per violation: where, what the spec expects, what was found. */
export function describeViolation(v: Violation): string {
  return `${v.in}${v.pointer}: expected ${v.expected}, found ${v.found}`;
}

function renderMarkdown(report: DriftReport): string {
  const lines = [
    `# Drift report: ${report.upstream}`,
    '',
    `${report.calls} calls, ${report.conforming} conforming, ${report.violations} violations, ` +
      `${report.upstreamErrors} upstream errors.`,
    '',
    '| operation | calls | conforming | violations |',
    '|---|---|---|---|',
    ...report.operations.map(
      (o) => `| ${o.operation} | ${o.calls} | ${o.conforming} | ${sum(o.violations, (v) => v.count)} |`,
    ),
  ];
  for (const o of report.operations.filter((op) => op.violations.length > 0)) {
    lines.push(
      '',
      `## ${o.operation}`,
      '',
      '| where | pointer | expected | found | times |',
      '|---|---|---|---|---|',
    );
    for (const v of o.violations)
      lines.push(`| ${v.in} | \`${v.pointer || '/'}\` | ${cell(v.expected)} | ${v.found} | ${v.count} |`);
  }
  return `${lines.join('\n')}\n`;
}

function renderJunit(report: DriftReport): string {
  const cases = report.operations.map((o) => {
    const failures = o.violations.map(
      (v) =>
        `      <failure message="${xml(describeViolation(v))}" type="${xml(v.in)}">` +
        `${xml(`${describeViolation(v)} (${v.count} of ${o.calls} calls)`)}</failure>`,
    );
    const open = `    <testcase classname="vouchspec-drift" name="${xml(o.operation)}"`;
    return failures.length === 0 ? `${open}/>` : `${open}>\n${failures.join('\n')}\n    </testcase>`;
  });
  const failed = report.operations.filter((o) => o.violations.length > 0).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vouchspec drift" tests="${report.operations.length}" failures="${failed}">`,
    `  <testsuite name="${xml(report.upstream)}" tests="${report.operations.length}" failures="${failed}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function sameViolation(a: Violation, b: Violation): boolean {
  return a.in === b.in && a.pointer === b.pointer && a.expected === b.expected && a.found === b.found;
}

function sum<T>(items: readonly T[], count: (item: T) => number): number {
  return items.reduce((total, item) => total + count(item), 0);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}
