/** 1. A lookup by `source_id`: one customer against 40,000, the target created last in both. */
import autocannon from 'autocannon';
import { appKeys } from '../support.js';
import { createCustomer, customer, seedCustomers } from './customers.js';
import { call, expectStatus, type Mock, startMock, timedGet } from './mocks.js';
import { settings } from './settings.js';
import { mean, median, quantile } from './stats.js';

export type LookupResult = Awaited<ReturnType<typeof lookupBySourceId>>;

export async function lookupBySourceId() {
  const [small, large] = await Promise.all([startMock('1 customer'), startMock('40k customers')]);
  try {
    const path = await prepare(small, large);
    /** Request by request, each round both stores in random order, so drift hits both alike. */
    const paired = async (rounds: number) => {
      const times = { small: [] as number[], large: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        const order = Math.random() < 0.5 ? (['small', 'large'] as const) : (['large', 'small'] as const);
        for (const which of order) times[which].push(await timedGet(which === 'small' ? small : large, path));
      }
      return times;
    };
    await paired(settings.warmupRounds);
    const runs: { small: number[]; large: number[] }[] = [];
    for (let run = 0; run < settings.runs; run++) runs.push(await paired(settings.rounds));
    const all = {
      small: runs.flatMap((r) => r.small),
      large: runs.flatMap((r) => r.large),
    };
    const medianRatios = runs.map((r) => median(r.large) / median(r.small));
    const meanRatios = runs.map((r) => mean(r.large) / mean(r.small));
    const rps = await throughput(small, large, path);
    return {
      small: { median: median(all.small), mean: mean(all.small), p99: quantile(all.small, 0.99) },
      large: { median: median(all.large), mean: mean(all.large), p99: quantile(all.large, 0.99) },
      medianRatio: median(medianRatios),
      medianRatios,
      meanRatio: median(meanRatios),
      meanRatios,
      rps: { small: median(rps.small), large: median(rps.large) },
      rpsRatios: rps.small.map((value, index) => value / (rps.large[index] as number)),
    };
  } finally {
    await Promise.all([small.stop(), large.stop()]);
  }
}

/** Fills the large store, creates the target last in both, checks both; returns the target's path. */
async function prepare(small: Mock, large: Mock): Promise<string> {
  const { seeded } = await seedCustomers(large, settings.customers - 1, (i) =>
    customer(`cust_bench${String(i).padStart(6, '0')}`, `crm-${i}`),
  );
  if (seeded !== settings.customers - 1)
    throw new Error(`seeded ${seeded} customers, not ${settings.customers - 1}`);
  const target = { source_id: 'crm-lookup-target', name: 'Lookup Target', email: 'target@example.com' };
  for (const mock of [small, large]) await createCustomer(mock, target, 'the target');
  const counts: number[] = [];
  for (const mock of [small, large]) {
    const list = await expectStatus(call(mock, 'GET', '/v1/customers?limit=1'), 200, 'listing customers');
    counts.push((JSON.parse(list.body.toString()) as { total: number }).total);
  }
  if (counts[0] !== 1 || counts[1] !== settings.customers)
    throw new Error(`the stores hold ${counts.join(' and ')} customers, not 1 and ${settings.customers}`);
  const path = `/v1/customers/${target.source_id}`;
  const found = JSON.parse((await call(large, 'GET', path)).body.toString()) as { source_id: string };
  if (found.source_id !== target.source_id) throw new Error('the lookup found another customer');
  return path;
}

/** Requests per second under load (autocannon, 10 connections), alternating stores, three times each. */
async function throughput(small: Mock, large: Mock, path: string) {
  const rps = { small: [] as number[], large: [] as number[] };
  for (let repeat = 0; repeat < 3; repeat++) {
    for (const [which, mock] of [
      ['small', small],
      ['large', large],
    ] as const) {
      const result = await autocannon({
        url: mock.url + path,
        headers: appKeys,
        connections: 10,
        duration: settings.throughputSeconds,
      });
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`autocannon on ${mock.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      rps[which].push(result.requests.average);
    }
  }
  return rps;
}
