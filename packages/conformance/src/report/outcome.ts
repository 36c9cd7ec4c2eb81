/**
 * Stage 4, report: the run's outcome written as JUnit, JSON and Markdown and rendered for the console, all
 * redacted of every configured credential (verifier reports can quote requests).
 */
import type { ApiId } from '@vouchspec/spec';
import type { RealTargetConfig } from '../config.js';
import type { PreflightResult } from '../preflight/preflight.js';
import { createRedactor } from '../redact.js';
import { buildReport, type ConformanceReport, type TargetSummary } from './build-report.js';
import { formatConsole } from './console.js';
import { writeReports } from './write-reports.js';

export interface ReportOptions {
  providers: ApiId[];
  real?: Partial<Record<ApiId, RealTargetConfig>>;
  reportsDir: string;
}

export interface ConformanceOutcome {
  report: ConformanceReport;
  reportFiles: string[];
  /** The per-operation table, totals and headline for the console, redacted. */
  summary: string;
}

export function redactorFor(options: Pick<ReportOptions, 'real'>) {
  return createRedactor(Object.values(options.real ?? {}).flatMap((target) => target?.secrets ?? []));
}

/** What each provider was verified against: an embedded mock, a vouchspec mock at a URL, or a real server. */
export function targetSummaries(
  options: Pick<ReportOptions, 'providers' | 'real'>,
  identified: Partial<Record<ApiId, PreflightResult>>,
): TargetSummary[] {
  return options.providers.map((provider) => {
    const configured = options.real?.[provider];
    if (!configured) return { provider, kind: 'embedded mock', baseUrl: '' };
    return { provider, kind: identified[provider]?.isMock ? 'mock' : 'real', baseUrl: configured.baseUrl };
  });
}

/** Writes a report redacted of every configured credential; returns it with the files and console text. */
export async function finishReport(
  options: ReportOptions,
  report: ConformanceReport,
): Promise<ConformanceOutcome> {
  const redact = redactorFor(options);
  // Nothing that leaves this module carries a credential.
  const redacted: ConformanceReport = JSON.parse(redact(JSON.stringify(report)));
  const reportFiles = await writeReports(options.reportsDir, redacted, redact);
  return { report: redacted, reportFiles, summary: redact(formatConsole(redacted)) };
}

/**
 * The reports of a run that stopped before verifying (a target that could not be used, a recording that
 * failed): marked errored, with the reason.
 */
export function reportErroredRun(
  options: ReportOptions,
  error: string,
  durationMs: number,
): Promise<ConformanceOutcome> {
  return finishReport(options, buildReport({ durationMs, targets: targetSummaries(options, {}), error }));
}
