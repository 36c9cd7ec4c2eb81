/**
 * What the installed-packages checks share that needs no installed project: how a check fails (every problem
 * at once, no stack), and how a command's output is read into problems.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describeRun, type RunResult } from './processes.js';

/** The conformance suite's size today (61 operations, a success and documented errors each). */
export const minimumInteractions = 234;
/** Operations across the two bundles: Voucherify's and Mews Connector's. */
export const expectedOperations = 61;

/** Fails the check with every problem, each a readable paragraph; nothing when there are none. */
export function reportProblems(problems: string[]): void {
  if (problems.length > 0) fail(problems);
}

/**
 * A failed check whose message is the whole story. It carries no stack: the fault is in what was checked,
 * never at the line of this file that noticed it.
 */
export function fail(problems: string[]): never {
  const error = new Error(`\n${problems.join('\n\n')}\n`);
  error.name = 'CheckFailed';
  // Just the name: vitest reads frames from the stack, and the quoted output may hold a user's stack trace.
  error.stack = error.name;
  throw error;
}

/** What is wrong with a runtime script's run: its exit, or the data it printed. */
export function scriptProblems(script: string, result: RunResult): string[] {
  if (result.code !== 0) return [`${script}: ${describeRun(result)}`];
  const printed = parseJson<{
    sourceId: string;
    created: Outcome<{ id?: string }>;
    read: Outcome<{ id?: string; source_id?: string }>;
    projects: Outcome<{ data?: unknown }>;
    codes: Outcome<{ VoucherCodes?: unknown }>;
  }>(lastLine(result.stdout));
  if (!printed) return [`${script} did not print its results as JSON: ${describeRun(result)}`];
  const problems: string[] = [];
  const expectations: [boolean, string, Outcome<unknown>][] = [
    [
      typeof printed.created.data?.id === 'string' && printed.created.data.id.startsWith('cust_'),
      'POST /v1/customers returns a customer whose id starts with cust_',
      printed.created,
    ],
    [
      printed.read.data?.source_id === printed.sourceId && printed.read.data?.id === printed.created.data?.id,
      `GET /v1/customers/{customerId} returns the same customer (source_id ${printed.sourceId})`,
      printed.read,
    ],
    [
      typeof printed.projects.data === 'object' && Array.isArray(printed.projects.data?.data),
      'GET /management/v1/projects returns an object with a data array',
      printed.projects,
    ],
    [
      Array.isArray(printed.codes.data?.VoucherCodes),
      'POST /api/connector/v1/voucherCodes/getAll returns a VoucherCodes array',
      printed.codes,
    ],
  ];
  for (const [ok, expectation, outcome] of expectations)
    if (!ok)
      problems.push(
        `${script}: expected ${expectation}; got status ${outcome.status}: ${JSON.stringify(outcome.data ?? outcome.error).slice(0, 500)}`,
      );
  return problems;
}

/** What spec.cjs prints for each bundle. */
export interface SpecBundle {
  api: string;
  openapi: unknown;
  operations: number;
  jsonPath: string;
  yamlPath: string | null;
  yamlError: string | null;
}

export interface Outcome<T> {
  status: number;
  data?: T;
  error?: unknown;
}

/**
 * tsc's failure, with a note when every error is in a third-party package's own declarations (skipLibCheck:
 * false checks those too): then the fault is not in our packages, and the message says so.
 */
export function typeErrors(result: RunResult): string {
  const errors = result.output.split('\n').filter((line) => /error TS\d+/.test(line));
  const thirdParty = errors.filter(
    (line) => line.includes('node_modules/') && !line.includes('node_modules/@vouchspec/'),
  );
  const note =
    errors.length > 0 && thirdParty.length === errors.length
      ? `\n    (every error is in a third-party package's own declarations: ${[...new Set(thirdParty.map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(line)?.[1]))].join(', ')})`
      : '';
  return `${describeRun(result)}${note}`;
}

/** The conformance reports it says it wrote, and that conformance.json agrees with its console summary. */
export function conformanceReportProblems(result: RunResult, passedInSummary: number | undefined): string[] {
  const listed = /^Reports: (.+)$/m
    .exec(result.output)?.[1]
    ?.split(', ')
    .map((file) => file.trim());
  if (!listed) return [`The conformance suite printed no "Reports: …" line`];
  const problems: string[] = [];
  for (const name of ['junit.xml', 'conformance.json', 'conformance.md'])
    if (!listed.some((file) => file.endsWith(`/${name}`) && existsSync(file)))
      problems.push(`The conformance suite did not write ${name} (it listed: ${listed.join(', ')})`);
  const json = listed.find((file) => file.endsWith('/conformance.json'));
  if (json && existsSync(json)) {
    const totals = parseJson<{ totals?: { interactions: number; passed: number; failed: number } }>(
      readFileSync(json, 'utf8'),
    )?.totals;
    if (!totals) return [...problems, `${json} has no totals`];
    if (totals.failed !== 0 || totals.passed < minimumInteractions || totals.passed !== totals.interactions)
      problems.push(
        `${json} counts ${totals.interactions} interactions, ${totals.passed} passed, ${totals.failed} failed`,
      );
    if (passedInSummary !== undefined && totals.passed !== passedInSummary)
      problems.push(`${json} counts ${totals.passed} passed; the console said ${passedInSummary}`);
  }
  return problems;
}

/** The 1-based line of a file's first occurrence of `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no line with ${text}`);
  return index + 1;
}

export function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .at(-1) ?? ''
  );
}
