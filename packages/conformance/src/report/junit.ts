/** The run's outcome as JUnit XML: a test case per interaction, per operation's coverage and per spec check. */
import junit from 'junit-report-builder';
import type { ConformanceReport } from './build-report.js';

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
