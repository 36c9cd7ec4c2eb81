/**
 * `--base-url` at a vouchspec mock started elsewhere: the mock says what it is (its identity header), so the
 * suite verifies it as a mock, with the states only a mock can set up, and nothing is skipped. The mocks
 * also check every response they send against the spec, so a mock that drifted from it fails here too.
 */
import { type MockServer, startMockServer } from '@vouchspec/mock-server';
import { apiIds } from '@vouchspec/spec';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exitCodes } from '../../src/cli.js';
import { type BinRun, runBin } from '../bin.js';

let mocks: MockServer[] = [];
let runs: BinRun[] = [];
beforeAll(async () => {
  // A mock with its defaults, as a user starts one: the 401 interactions send credentials it always refuses.
  mocks = await Promise.all(apiIds.map(() => startMockServer({ validateResponses: true })));
  runs = await Promise.all(
    apiIds.map((provider, index) => runBin(['--provider', provider, '--base-url', mocks[index]?.url ?? ''])),
  );
});
afterAll(async () => {
  await Promise.all(runs.map((run) => run.remove()));
  await Promise.all(mocks.map((mock) => mock.close()));
});

it.each(apiIds.map((provider, index) => [provider, index] as const))(
  '%s: every interaction passes against the mock at its URL, none skipped',
  async (provider, index) => {
    const run = runs[index] as BinRun;
    const report = await run.report();
    const problems = report.interactions
      .filter((r) => r.verdict !== 'passed')
      .map((r) => `${r.description}: ${r.verdict} ${r.reason ?? ''}`);
    expect(problems).toEqual([]);
    expect(run.code, run.output).toBe(exitCodes.passed);
    expect(report.targets).toEqual([{ provider, kind: 'mock', baseUrl: mocks[index]?.url }]);
    expect(report.totals.skipped).toBe(0);
    expect(report.totals.passed).toBe(report.totals.interactions);
    expect(report.headline).toBe(`Passed: all ${report.totals.interactions} interactions verified`);
    expect(run.stdout).toContain(
      `${provider}: ${report.totals.interactions} interactions against ${mocks[index]?.url} (mock)`,
    );
  },
);
