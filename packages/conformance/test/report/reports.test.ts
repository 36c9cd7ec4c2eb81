import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/redact.js';
import { buildReport } from '../../src/report/build-report.js';
import { formatConsole } from '../../src/report/console.js';
import { toJunit } from '../../src/report/junit.js';
import { toMarkdown } from '../../src/report/markdown.js';
import { writeReports } from '../../src/report/write-reports.js';
import type { VerifiedInteraction } from '../../src/types.js';

const result = (
  index: number,
  description: string,
  status: number,
  verdict: VerifiedInteraction['verdict'],
  extra: Partial<VerifiedInteraction> = {},
): VerifiedInteraction => ({
  provider: 'mews-connector',
  index,
  description,
  method: 'POST',
  path: '/api/connector/v1/voucherCodes/getAll',
  status,
  states: [],
  verdict,
  ranVerifier: verdict !== 'skipped',
  durationMs: 12,
  ...extra,
});

function sampleReport() {
  const interactions = [
    result(0, 'getAllVoucherCodes: codes', 200, 'passed'),
    result(1, 'getAllVoucherCodes: bad <token> & more', 401, 'failed', {
      reason: 'status mismatch',
      log: 'expected 401, got 200 for AccessToken secret-access-token',
    }),
    result(2, 'getAllVoucherCodes: codes of a seeded voucher', 200, 'skipped', {
      reason: 'mock-only provider state: x',
    }),
  ];
  return buildReport({
    durationMs: 1234,
    targets: [{ provider: 'mews-connector', kind: 'real', baseUrl: 'https://api.mews-demo.com' }],
    coverage: [
      {
        provider: 'mews-connector',
        operationId: 'getAllVoucherCodes',
        method: 'POST',
        path: '/api/connector/v1/voucherCodes/getAll',
        interactions: interactions.map((r) => r.description),
        statuses: [200, 401],
        success: 2,
        errors: 1,
      },
      {
        provider: 'mews-connector',
        operationId: 'addVoucherCodes',
        method: 'POST',
        path: '/api/connector/v1/voucherCodes/add',
        interactions: [],
        statuses: [],
        success: 0,
        errors: 0,
      },
    ],
    coverageGaps: ['mews-connector addVoucherCodes has no success interaction'],
    interactions,
    specMismatches: [],
  });
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('conformance reports', () => {
  it('totals verdicts per operation and fails on any failure or gap', () => {
    const report = sampleReport();
    expect(report.passed).toBe(false);
    expect(report.totals).toEqual({
      operations: 2,
      covered: 1,
      interactions: 3,
      passed: 1,
      failed: 1,
      skipped: 1,
      specMismatches: 0,
    });
    expect(report.operations[0]).toMatchObject({ passed: 1, failed: 1, skipped: 1 });
    const text = formatConsole(report);
    expect(text).toMatch(/mews-connector\s+getAllVoucherCodes\s+3\s+1\s+1\s+1\s+200 401/);
    expect(text).toContain('Operations covered: 1/2');
    expect(text).toContain('skipped 1: mock-only provider state: x');
  });

  it('writes JUnit with a test case per interaction, escaped, with failures and skips', () => {
    const xml = toJunit(sampleReport());
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain(
      '<testsuite name="mews-connector provider verification (real)" tests="3" failures="1"',
    );
    expect(xml).toContain('name="getAllVoucherCodes: bad &lt;token> &amp; more"');
    expect(xml).toContain('classname="mews-connector.getAllVoucherCodes"');
    expect(xml).toMatch(/<testcase[^>]*codes of a seeded voucher[^>]*>\s*<skipped\/>/);
    expect(xml).toContain('<failure message="0 success and 0 error interactions"/>');
  });

  it('writes Markdown with the operations table, failures and skips', () => {
    const markdown = toMarkdown(sampleReport());
    expect(markdown).toContain('# vouchspec conformance: FAILED');
    expect(markdown).toMatch(/\| mews-connector \| getAllVoucherCodes \|\s+3 \|/);
    expect(markdown).toContain('## Failures');
    expect(markdown).toContain('## Skipped');
    expect(markdown).toContain('## Coverage gaps');
  });

  it('writes all three files whole, with secrets redacted and no temporary files left', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vouchspec-reports-'));
    const redact = createRedactor(['secret-access-token', '']);
    const files = await writeReports(join(dir, 'nested'), sampleReport(), redact);
    expect((await readdir(join(dir, 'nested'))).sort()).toEqual([
      'conformance.json',
      'conformance.md',
      'junit.xml',
    ]);
    for (const file of files) {
      const content = await readFile(file, 'utf8');
      expect(content).not.toContain('secret-access-token');
    }
    const json = JSON.parse(await readFile(join(dir, 'nested', 'conformance.json'), 'utf8'));
    expect(json.interactions[1].log).toBe('expected 401, got 200 for AccessToken [redacted]');
  });

  it('says "passed" only when nothing was skipped, and why not otherwise', () => {
    const target = [{ provider: 'mews-connector', kind: 'real', baseUrl: 'https://x' }] as const;
    const base = { durationMs: 1, targets: [...target] };
    const passed = result(0, 'a', 200, 'passed');
    const skipped = result(1, 'b', 200, 'skipped', { reason: 'mock-only provider state: x' });
    expect(buildReport({ ...base, interactions: [passed] })).toMatchObject({
      status: 'passed',
      headline: 'Passed: all 1 interactions verified',
    });
    expect(buildReport({ ...base, interactions: [passed, skipped] })).toMatchObject({
      status: 'passed',
      headline: 'Passed with 1 skipped (mock-only provider state: x): 1 of 2 interactions verified',
    });
    expect(buildReport({ ...base, interactions: [passed, skipped], failOnSkipped: true })).toMatchObject({
      status: 'failed',
      passed: false,
      headline: 'FAILED: 1 skipped (mock-only provider state: x) with --fail-on-skipped',
    });
    expect(
      buildReport({ ...base, error: 'mews-connector at https://x: the host name does not resolve' }),
    ).toMatchObject({
      status: 'errored',
      headline: 'Errored: mews-connector at https://x: the host name does not resolve',
    });
    expect(sampleReport().headline).toBe('FAILED: 1 of 3 interactions failed; 1 operations not covered');
  });

  it('redacts the longest secret first', () => {
    expect(createRedactor(['abc', 'abcdef'])('x abcdef abc')).toBe('x [redacted] [redacted]');
  });
});
