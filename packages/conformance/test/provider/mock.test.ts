/** The conformance run the CLI does, on the shipped pacts, against the embedded mock server. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiIds } from '@vouchspec/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/conformance.js';

const reportsDir = await mkdtemp(join(tmpdir(), 'vouchspec-mock-reports-'));
afterAll(() => rm(reportsDir, { recursive: true, force: true }));

describe('verification against the embedded mock server', () => {
  it('passes every interaction of both pacts, with nothing skipped', async () => {
    const { report } = await runConformance({
      providers: [...apiIds],
      reportsDir,
      validateMockResponses: true,
    });
    const failures = report.interactions
      .filter((r) => r.verdict !== 'passed')
      .map((r) => `${r.description}: ${r.verdict} ${r.reason ?? ''}\n${r.log ?? ''}`);
    expect(failures).toEqual([]);
    expect(report.totals).toMatchObject({
      operations: 61,
      covered: 61,
      failed: 0,
      skipped: 0,
      specMismatches: 0,
    });
    expect(report.totals.interactions).toBeGreaterThanOrEqual(122);
    expect(report.passed).toBe(true);
  });
});
