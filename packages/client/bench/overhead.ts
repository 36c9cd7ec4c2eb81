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
import { measureRuntimeSize, sizeBudgetBytes } from './size.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const requestsPerRun = Number(process.env.BENCH_REQUESTS ?? 4000);
const warmup = 2000;
/** Contenders alternate in small batches in random order, so drift and GC pauses hit all of them alike. */
const batch = 50;
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
const headers = { 'X-App-Id': 'bench-app', 'X-App-Token': 'bench-token' };
const credentials = { appId: headers['X-App-Id'], appToken: headers['X-App-Token'] };
const client = createVoucherifyClient({ baseUrl, ...credentials });
const timed = createVoucherifyClient({ baseUrl, ...credentials, timeoutMs: 30_000 });
/** openapi-fetch on its own, configured as the client configures it: its floor, before any of our code. */
class PlainRequest {
  readonly method: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method as string;
  }
}
const openapiFetch = createOpenApiFetch<VoucherifyPaths>({
  baseUrl,
  Request: PlainRequest as unknown as typeof Request,
  fetch: ((request: PlainRequest) => globalThis.fetch(request.url, request.init)) as unknown as typeof fetch,
});
const path = { params: { path: { customerId: 'cust_bench' } } };

const contenders = {
  fetch: async () => (await fetch(`${baseUrl}/v1/customers/cust_bench`, { headers })).json(),
  client: async () => (await client.GET('/v1/customers/{customerId}', path)).data,
  clientWithTimeout: async () => (await timed.GET('/v1/customers/{customerId}', path)).data,
  openapiFetch: async () =>
    (
      await openapiFetch.GET('/v1/customers/{customerId}', {
        params: { ...path.params, header: headers },
      } as never)
    ).data,
};
type Contender = keyof typeof contenders;
const names = Object.keys(contenders) as Contender[];

/** Microseconds per request over `count` sequential requests. */
async function timePerRequest(call: () => Promise<unknown>, count: number) {
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  return ((performance.now() - started) * 1000) / count;
}

/**
 * One run: many pairs of adjacent batches, bare fetch against a client contender in alternating order;
 * each pair's ratio cancels the machine's slow drift, and the run's result is the median pair ratio.
 */
async function run(): Promise<
  Record<Contender, number> & { ratio: number; timedRatio: number; floorRatio: number }
> {
  const compared = ['client', 'clientWithTimeout', 'openapiFetch'] as const;
  const ratios: Record<(typeof compared)[number], number[]> = {
    client: [],
    clientWithTimeout: [],
    openapiFetch: [],
  };
  const times: Record<Contender, number[]> = {
    fetch: [],
    client: [],
    clientWithTimeout: [],
    openapiFetch: [],
  };
  for (let done = 0; done < requestsPerRun; done += batch) {
    for (const name of compared) {
      const fetchFirst = Math.random() < 0.5;
      const first = await timePerRequest(contenders[fetchFirst ? 'fetch' : name], batch);
      const second = await timePerRequest(contenders[fetchFirst ? name : 'fetch'], batch);
      const [bare, ours] = fetchFirst ? [first, second] : [second, first];
      ratios[name].push(ours / bare);
      times.fetch.push(bare);
      times[name].push(ours);
    }
  }
  return {
    fetch: median(times.fetch),
    client: median(times.client),
    clientWithTimeout: median(times.clientWithTimeout),
    openapiFetch: median(times.openapiFetch),
    ratio: median(ratios.client),
    timedRatio: median(ratios.clientWithTimeout),
    floorRatio: median(ratios.openapiFetch),
  };
}

for (const name of names) await timePerRequest(contenders[name], warmup);
const perRun: Awaited<ReturnType<typeof run>>[] = [];
for (let index = 0; index < runs; index++) perRun.push(await run());
server.kill();

const size = await measureRuntimeSize();
const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`,
  fetchUs: median(perRun.map((r) => r.fetch)),
  clientUs: median(perRun.map((r) => r.client)),
  timedUs: median(perRun.map((r) => r.clientWithTimeout)),
  ratio: median(perRun.map((r) => r.ratio)),
  timedRatio: median(perRun.map((r) => r.timedRatio)),
  floorUs: median(perRun.map((r) => r.openapiFetch)),
  floorRatio: median(perRun.map((r) => r.floorRatio)),
  ratios: perRun.map((r) => r.ratio.toFixed(3)),
  size,
};

const section = `<!-- client-bench:start -->
Recorded ${result.date} on ${result.machine}, with \`pnpm --filter @vouchspec/client bench\`:
${runs} runs of ${requestsPerRun} sequential \`GET /v1/customers/{customerId}\` requests per contender after ${warmup} warm-up
requests each; keep-alive; a local server in its own process answering the spec's customer example. Each run times
pairs of adjacent ${batch}-request batches (bare fetch and a client, in random order) and takes the median pair ratio,
which cancels this virtual machine's slow speed drift; the reported ratio is the median over runs.

| measure | result | target |
|---|---|---|
| bare \`fetch\` + \`json()\`, median per request | ${result.fetchUs.toFixed(1)} µs | |
| \`client.GET\` (default options), median per request | ${result.clientUs.toFixed(1)} µs | |
| overhead ratio, default client (median over runs of the median pair ratio) | **${result.ratio.toFixed(3)}** (runs: ${result.ratios.join(', ')}) | ≤ ${ratioTarget} |
| openapi-fetch alone, configured as the client configures it | ${result.floorUs.toFixed(1)} µs, ratio **${result.floorRatio.toFixed(3)}** | (the floor any client built on it starts from) |
| the client's own cost above openapi-fetch | ratio ${(result.ratio / result.floorRatio).toFixed(3)} | |
| \`client.GET\` with \`timeoutMs\` armed | ${result.timedUs.toFixed(1)} µs, ratio ${result.timedRatio.toFixed(3)} | (an abort signal costs undici work on every request) |
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
if (result.ratio > ratioTarget || size.gzipped > sizeBudgetBytes) {
  console.error('client benchmark: a target was missed');
  process.exitCode = 1;
}
