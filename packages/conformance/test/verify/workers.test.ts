/** What a worker's output says: the mismatches of a verifier report, on one line. */
import { describe, expect, it } from 'vitest';
import { mismatchSummary } from '../../src/verify/workers.js';

describe('mismatchSummary', () => {
  it('joins the numbered failures of a verifier report', () => {
    const report = `Verifying a pact between vouchspec-client and voucherify

Failures:

1) Verifying a pact between vouchspec-client and voucherify Given a project exists - getProject: an existing project
    1.1) has status code 200
           expected 200 but was 404
    1.2) has a matching body
           $ -> Expected 'proj_1' to be equal to 'proj_2'
`;
    expect(mismatchSummary(report)).toBe(
      "has status code 200: expected 200 but was 404; has a matching body: $ -> Expected 'proj_1' to be equal to 'proj_2'",
    );
  });

  it('has nothing to say about a report without failures', () => {
    expect(mismatchSummary('Verifying a pact between a and b\n  returns a response which\n')).toBeUndefined();
  });
});
