/**
 * One mock shared by eight worlds (eight key sets, as eight test workers would use it) under 200 connections,
 * each connection reading every world's customer in turn; then Prism, serving the same bundle, under the
 * same load of reads, for the request rate side by side.
 */

import { findOperation } from '@vouchspec/spec';
import autocannon from 'autocannon';
import { call, expectStatus, startMock } from '../hardening/mocks.js';
import { appKeys, startServer } from '../support.js';

export const worldCount = 8;

/** The key set of world `n`: arbitrary values, as a team's own development keys would be. */
const keysOf = (n: number) => ({ 'X-App-Id': `bench-app-${n}`, 'X-App-Token': `bench-token-${n}` });

export interface LoadResult {
  requests: number;
  rps: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

function summary(result: autocannon.Result): LoadResult {
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function worldsUnderLoad(connections: number, seconds: number): Promise<LoadResult> {
  const mock = await startMock('8 worlds');
  try {
    const requests: autocannon.Request[] = [];
    for (let n = 0; n < worldCount; n++) {
      const sourceId = `world-${n}-customer`;
      await expectStatus(
        fetch(`${mock.url}/v1/customers`, {
          method: 'POST',
          headers: { ...keysOf(n), 'Content-Type': 'application/json' },
          body: JSON.stringify({ source_id: sourceId }),
        }).then(async (res) => ({ status: res.status, body: Buffer.from(await res.arrayBuffer()) })),
        200,
        `the customer of world ${n}`,
      );
      requests.push({ method: 'GET', path: `/v1/customers/${sourceId}`, headers: keysOf(n) });
    }
    // Each world sees only its own customer: the default world has none of them.
    await expectStatus(call(mock, 'GET', '/v1/customers/world-0-customer'), 404, 'world 0 from the default');
    return summary(await autocannon({ url: mock.url, connections, duration: seconds, requests }));
  } finally {
    await mock.stop();
  }
}

export async function prismUnderLoad(connections: number, seconds: number): Promise<LoadResult> {
  const prism = await startServer('prism');
  try {
    // Prism answers from the spec's examples, for the documented customer id.
    const customerId = findOperation('voucherify', 'getCustomer').parameters.find(
      (parameter) => parameter.name === 'customerId',
    )?.example;
    return summary(
      await autocannon({
        url: `${prism.url}/v1/customers/${String(customerId)}`,
        headers: appKeys,
        connections,
        duration: seconds,
      }),
    );
  } finally {
    prism.stop();
  }
}
