/**
 * `pnpm --filter @vouchspec/client bench`: the per-request cost of the client against a bare fetch of the
 * same URL, to a local server in its own process, plus the runtime size. Prints the results and records
 * them in BENCHMARKS.md between the client markers; exits non-zero when a target is missed.
 */
import { fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import createOpenApiFetch from 'openapi-fetch';
import { createVoucherifyClient, type VoucherifyPaths } from '../dist/index.js';
import { pathSerializer } from '../src/path.js';
import { serializeQuery } from '../src/query.js';
import { measureRuntimeSize, sizeBudgetBytes } from './size.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3000);
const warmup = 2000;
const ratioTarget = 1.1;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const server = fork(new URL('./server.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'] });
const port = await new Promise<number>((resolve) => server.once('message', (p) => resolve(p as number)));
const baseUrl = `http://127.0.0.1:${port}`;
const url = `${baseUrl}/v1/customers/cust_bench`;
const headers = { 'X-App-Id': 'bench-app', 'X-App-Token': 'bench-token' };
const credentials = { appId: headers['X-App-Id'], appToken: headers['X-App-Token'] };
const client = createVoucherifyClient({ baseUrl, ...credentials });
const timed = createVoucherifyClient({ baseUrl, ...credentials, timeoutMs: 30_000 });
/** openapi-fetch as it comes: what calling the API through openapi-fetch alone costs. */
const stock = createOpenApiFetch<VoucherifyPaths>({ baseUrl, headers });
/**
 * openapi-fetch configured as the client configures it (a plain request object handed straight to fetch,
 * the client's serializers), without any of the client's own work: the floor of any client built on it.
 */
class PlainRequest {
  readonly method: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method as string;
  }
}
const floor = createOpenApiFetch<VoucherifyPaths>({
  baseUrl,
  headers,
  Request: PlainRequest as unknown as typeof Request,
  fetch: ((request: PlainRequest) => globalThis.fetch(request.url, request.init)) as unknown as typeof fetch,
  querySerializer: serializeQuery as never,
  pathSerializer: pathSerializer(),
});
const path = { params: { path: { customerId: 'cust_bench' } } };
const bareFetch = async () => (await fetch(url, { headers })).json();

const contenders = {
  fetch: bareFetch,
  /** The same bare fetch again: its ratio shows what the method cannot tell apart (ideally 1.000). */
  control: bareFetch,
  client: async () => (await client.GET('/v1/customers/{customerId}', path)).data,
  clientWithTimeout: async () => (await timed.GET('/v1/customers/{customerId}', path)).data,
  stock: async () => (await stock.GET('/v1/customers/{customerId}', path)).data,
  floor: async () => (await floor.GET('/v1/customers/{customerId}', path)).data,
};
type Contender = keyof typeof contenders;
type Compared = Exclude<Contender, 'fetch'>;
const compared = (Object.keys(contenders) as Contender[]).filter(
  (name): name is Compared => name !== 'fetch',
);

/**
 * One paired measurement: rounds in which the bare fetch and one contender each send one request, in random
 * order, so the virtual machine's speed drift and periodic pauses fall on both alike and both run equally
 * often (a contender run less often than the fetch finds its code colder). Returns the median time per
 * request of each, in microseconds.
 */
async function pair(name: Compared, count: number): Promise<{ fetch: number; contender: number }> {
  const fetchTimes: number[] = [];
  const contenderTimes: number[] = [];
  for (let round = 0; round < count; round++) {
    const order: [() => Promise<unknown>, number[]][] = [
      [contenders.fetch, fetchTimes],
      [contenders[name], contenderTimes],
    ];
    if (Math.random() < 0.5) order.reverse();
    for (const [call, times] of order) {
      const started = performance.now();
      await call();
      times.push((performance.now() - started) * 1000);
    }
  }
  return { fetch: median(fetchTimes), contender: median(contenderTimes) };
}

/** One run: every contender paired with the bare fetch in turn. */
async function run(count: number) {
  const results = {} as Record<Compared, { fetch: number; contender: number }>;
  for (const name of compared) results[name] = await pair(name, count);
  return results;
}

await run(warmup);
const perRun: Awaited<ReturnType<typeof run>>[] = [];
for (let index = 0; index < runs; index++) perRun.push(await run(rounds));
server.kill();

/** Per contender: its median time over runs, and the median over runs of its ratio to the paired fetch. */
const summary = Object.fromEntries(
  compared.map((name) => [
    name,
    {
      us: median(perRun.map((r) => r[name].contender)),
      fetchUs: median(perRun.map((r) => r[name].fetch)),
      ratio: median(perRun.map((r) => r[name].contender / r[name].fetch)),
      ratios: perRun.map((r) => (r[name].contender / r[name].fetch).toFixed(3)),
    },
  ]),
) as Record<Compared, { us: number; fetchUs: number; ratio: number; ratios: string[] }>;
const fetchUs = median(perRun.flatMap((r) => compared.map((name) => r[name].fetch)));
const size = await measureRuntimeSize();
const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`;
/** The µs are medians per request, the contender's beside those of the fetch it was paired with. */
const row = (name: Compared) =>
  `${summary[name].us.toFixed(1)} µs (fetch ${summary[name].fetchUs.toFixed(1)} µs), ratio **${summary[name].ratio.toFixed(3)}**`;

const section = `<!-- client-bench:start -->
Recorded ${date} on ${machine}, with \`pnpm --filter @vouchspec/client bench\`:
${runs} runs; in each, every contender is paired with a bare fetch for ${rounds} rounds (after a ${warmup}-round warm-up),
each round one \`GET /v1/customers/{customerId}\` from both in random order (keep-alive, to a local server in its own
process answering the spec's customer example). A contender's cost is its median time per request; its ratio is
that over the paired fetch's, and the reported ratio is the median over runs.

| measure | result | target |
|---|---|---|
| bare \`fetch\` + \`json()\`, median per request over all pairings | ${fetchUs.toFixed(1)} µs | |
| the same bare fetch again (control: the method's resolution) | ratio ${summary.control.ratio.toFixed(3)} (runs: ${summary.control.ratios.join(', ')}) | 1.000 |
| \`client.GET\` (default options) | ${row('client')} (runs: ${summary.client.ratios.join(', ')}) | ≤ ${ratioTarget} |
| openapi-fetch as it comes (\`createClient({ baseUrl, headers })\`) | ${row('stock')} | |
| openapi-fetch configured as the client configures it, none of the client's own work | ${row('floor')} | (the floor of a client built on it) |
| \`client.GET\` with \`timeoutMs\` armed | ${row('clientWithTimeout')} | (an abort signal costs undici work on every request) |
| runtime size, both clients with openapi-fetch, min+gz | **${size.gzipped} B** (minified ${size.minified} B) | ≤ ${sizeBudgetBytes} B |
<!-- client-bench:end -->`;
console.log(section);

const file = new URL('../../../BENCHMARKS.md', import.meta.url);
const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
const marker = /<!-- client-bench:start -->[\s\S]*<!-- client-bench:end -->/;
await writeFile(
  file,
  marker.test(current)
    ? current.replace(marker, section)
    : `${current.trimEnd()}\n\n## @vouchspec/client: request overhead and size\n\n${section}\n`,
);
if (summary.client.ratio > ratioTarget || size.gzipped > sizeBudgetBytes) {
  console.error('client benchmark: a target was missed');
  process.exitCode = 1;
}
