/**
 * The coverage gate: every operation the bundles list has at least one success and one error interaction in
 * the recorded pacts, and every interaction belongs to the operation its description names.
 */
import { type ApiId, apiIds } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { type CoverageReport, coverageGaps, coverageOf } from '../../src/coverage.js';
import { shippedPact } from '../shipped.js';
import { table } from '../../src/summary.js';

async function coverage(provider: ApiId): Promise<CoverageReport> {
  return coverageOf(provider, await shippedPact(provider));
}

describe.each(apiIds)('%s coverage', (provider) => {
  it('has a success and an error interaction for every operation of the bundle', async () => {
    const report = await coverage(provider);
    console.log(
      table([
        ['operation', 'interactions', 'success', 'errors', 'statuses'],
        ...report.operations.map((row) => [
          row.operationId,
          row.interactions.length,
          row.success,
          row.errors,
          row.statuses.join(' '),
        ]),
      ]),
    );
    expect(coverageGaps(report)).toEqual([]);
  });
});

describe('coverage across both providers', () => {
  it('covers all 61 documented operations with at least 122 interactions', async () => {
    const rows = (await Promise.all(apiIds.map(coverage))).flatMap((report) => report.operations);
    expect(rows).toHaveLength(61);
    const interactions = rows.reduce((sum, row) => sum + row.interactions.length, 0);
    expect(interactions).toBeGreaterThanOrEqual(122);
  });
});
