import { describe, expect, it } from 'vitest';
import { coverageGaps, coverageOf } from '../../src/check/coverage.js';
import type { PactDocument, PactInteraction } from '../../src/types.js';

const interaction = (description: string, method: string, path: string, status: number): PactInteraction => ({
  description,
  request: { method, path },
  response: { status },
});

/** The coverage of a Mews pact holding these interactions. */
const coverage = (...interactions: PactInteraction[]) =>
  coverageOf('mews-connector', {
    consumer: { name: 'c' },
    provider: { name: 'mews-connector' },
    interactions,
    metadata: {},
  } satisfies PactDocument);

const base = '/api/connector/v1/voucherCodes';

describe('operation coverage', () => {
  it('counts success and error interactions per operation read from the bundle', () => {
    const report = coverage(
      interaction('getAllVoucherCodes: codes', 'POST', `${base}/getAll`, 200),
      interaction('getAllVoucherCodes: bad token', 'POST', `${base}/getAll`, 401),
      interaction('addVoucherCodes: codes', 'POST', `${base}/add`, 200),
    );
    expect(report.operations.map((row) => [row.operationId, row.success, row.errors, row.statuses])).toEqual([
      ['getAllVoucherCodes', 1, 1, [200, 401]],
      ['addVoucherCodes', 1, 0, [200]],
      ['deleteVoucherCodes', 0, 0, []],
    ]);
    expect(coverageGaps(report)).toEqual([
      'mews-connector addVoucherCodes has no error interaction',
      'mews-connector deleteVoucherCodes has no success interaction',
      'mews-connector deleteVoucherCodes has no error interaction',
    ]);
  });

  it('rejects interactions outside the spec, misnamed, or described twice', () => {
    const report = coverage(
      interaction('getAllVoucherCodes: codes', 'POST', `${base}/getAll`, 200),
      interaction('getAllVoucherCodes: codes', 'POST', `${base}/getAll`, 401),
      interaction('addVoucherCodes: really a delete', 'POST', `${base}/delete`, 200),
      interaction('getAllVoucherCodes: wrong method', 'GET', `${base}/getAll`, 200),
    );
    expect(report.problems).toEqual([
      '"getAllVoucherCodes: codes" is the description of more than one interaction',
      '"addVoucherCodes: really a delete" exercises deleteVoucherCodes but its description names "addVoucherCodes"',
      `"getAllVoucherCodes: wrong method" (GET ${base}/getAll) matches no mews-connector operation`,
    ]);
    expect(coverageGaps(report).slice(0, 3)).toEqual(report.problems);
  });
});
