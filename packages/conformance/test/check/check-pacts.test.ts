/**
 * The check stage on the pacts this package ships: no interaction the spec does not allow, a success and an
 * error interaction for every operation the bundles list, and every interaction under the operation its
 * description names. Prints the coverage table.
 */
import { type ApiId, apiIds } from '@vouchspec/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckOutcome, checkPacts } from '../../src/check/check-pacts.js';
import { table } from '../../src/report/console.js';
import type { PactDocument } from '../../src/types.js';
import { shippedPact } from '../shipped.js';

let outcome: CheckOutcome;
const lines: string[] = [];
beforeAll(async () => {
  const pacts = new Map<ApiId, PactDocument>();
  for (const provider of apiIds) pacts.set(provider, await shippedPact(provider));
  outcome = await checkPacts(pacts, (line) => lines.push(line));
});

describe('checkPacts on the shipped pacts', () => {
  it('finds no spec mismatch and no coverage gap', () => {
    console.log(
      table([
        ['provider', 'operation', 'interactions', 'success', 'errors', 'statuses'],
        ...outcome.coverage.map((row) => [
          row.provider,
          row.operationId,
          row.interactions.length,
          row.success,
          row.errors,
          row.statuses.join(' '),
        ]),
      ]),
    );
    expect(outcome.specMismatches).toEqual([]);
    expect(outcome.coverageGaps).toEqual([]);
  });

  it('covers all 61 documented operations with at least 234 interactions', () => {
    expect(outcome.coverage).toHaveLength(61);
    const interactions = outcome.coverage.reduce((sum, row) => sum + row.interactions.length, 0);
    expect(interactions).toBeGreaterThanOrEqual(234);
  });

  it('logs a line per provider', () => {
    expect(lines).toEqual([
      expect.stringMatching(
        /^ {2}voucherify: \d+ interactions, 58\/58 operations covered, 0 spec mismatches$/,
      ),
      expect.stringMatching(
        /^ {2}mews-connector: 14 interactions, 3\/3 operations covered, 0 spec mismatches$/,
      ),
    ]);
  });
});
