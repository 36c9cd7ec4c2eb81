/**
 * Property-based fuzzing across every operation: at least 5,000 generated requests, valid and invalid,
 * deeply nested and large ones among them. The server must never answer 5xx (with response validation on,
 * a reply that breaks the spec is a 500 too), every error body must be the vendor's, every refused request
 * must leave the state as it was, and afterwards the state must still be consistent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startMockServer } from '../src/server.js';
import { type MockState, tablesOf } from '../src/state.js';
import { bundles, exampleWorld, pathExamples } from './fixtures/world.js';
import { type FuzzRequest, junkRequest, requestFor } from './fuzz/requests.js';
import { allOperations, appKeys, managementKeys, mewsTokens, schemaErrors, useMock } from './helpers.js';

const runs = 5000;
// Small limits, so that large bodies and a growing state meet them often.
const mock = useMock({
  seed: () => exampleWorld(),
  maxBodyBytes: 64 * 1024,
  maxStateBytes: 2 * 1024 * 1024,
});

/** Known ids per path parameter, so that many requests reach real records. */
const knownIds = Object.fromEntries(Object.entries(pathExamples).map(([name, id]) => [name, [id]]));
const credentials = {
  voucherify: { ...appKeys, ...managementKeys },
  mews: {
    ClientToken: mewsTokens.ClientToken,
    AccessToken: mewsTokens.AccessToken,
    Client: mewsTokens.Client,
  },
};

const anyRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.oneof(...allOperations.map((op) => requestFor(bundles[op.api], op, knownIds, credentials))),
  },
  { weight: 1, arbitrary: junkRequest },
);

/**
 * Every table's entries. Stored rows are frozen and replaced rather than changed, so two of these with the
 * same keys and the very same row objects, in order, are the same state.
 */
const rowsOf = (state: MockState) => tablesOf(state).map((table) => [...table.entries()]);
const sameRows = (a: ReturnType<typeof rowsOf>, b: ReturnType<typeof rowsOf>) =>
  a.length === b.length &&
  a.every(
    (entries, t) =>
      entries.length === b[t]?.length &&
      entries.every(([key, row], i) => b[t]?.[i]?.[0] === key && b[t]?.[i]?.[1] === row),
  );

async function send(request: FuzzRequest) {
  const response = await fetch(mock.server.url + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON; the assertions below report it.
  }
  return { status: response.status, body };
}

describe('fuzzing every operation', () => {
  it(`survives ${runs} generated requests without a 5xx, answering errors in the vendor's shape`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(anyRequest, async (request) => {
        const before = rowsOf(mock.server.state);
        const { status, body } = await send(request);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, `${request.label}: ${JSON.stringify(body)}`).toBeLessThan(500);
        if (status >= 400)
          expect(sameRows(before, rowsOf(mock.server.state)), `${request.label} changed the state`).toBe(
            true,
          );
        if (status >= 400) {
          const mews = request.path.startsWith('/api/connector/');
          const errors = schemaErrors(
            mews ? 'mews-connector' : 'voucherify',
            mews ? 'ConnectorError' : 'VoucherifyError',
            body,
          );
          // Documented error statuses are checked against their own schemas by the server; every error body
          // must at least carry the API's common error fields.
          const looseVoucherify =
            !mews && typeof body === 'object' && body !== null && ('code' in body || 'statusCode' in body);
          expect(errors === undefined || looseVoucherify, `${request.label}: ${JSON.stringify(body)}`).toBe(
            true,
          );
        }
      }),
      { numRuns: runs, endOnFailure: true },
    );
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(runs);
    // The run reached real behaviour, not just validation: successes and client errors both occurred.
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s >= 400 && s < 500)).toBe(true);
    // Deep and large bodies met their limits.
    expect(statuses.get(413) ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it('leaves a state that is still consistent: it exports, and seeds a fresh server without an error', async () => {
    expect((await mock.call('GET', '/__admin/operations')).status).toBe(200);
    const dump = (await mock.call('GET', '/__admin/state')).body;
    const fresh = await startMockServer();
    try {
      expect(() => fresh.seed(dump)).not.toThrow();
      const state = fresh.state;
      for (const holder of state.referralHolders.values()) {
        expect(state.vouchers.has(holder.redeemable_id), `holder ${holder.id} names a voucher`).toBe(true);
        expect(state.customers.has(holder.customer_id), `holder ${holder.id} names a customer`).toBe(true);
      }
      for (const user of state.users.values()) {
        for (const project of Object.keys(user.projects))
          expect(state.projects.has(project), `user ${user.id} project ${project}`).toBe(true);
      }
    } finally {
      await fresh.close();
    }
  });
});
