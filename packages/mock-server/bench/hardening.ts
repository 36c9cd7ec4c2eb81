/**
 * `pnpm --filter @vouchspec/mock-server bench:hardening`: the figures behind issue #14's acceptance line —
 * a lookup by `source_id` at 40,000 customers within 1.2× of a store with one, a 50 MiB state export that
 * does not hold another request longer than 50 ms, and 200 connections for 10 s without an error.
 *
 * Every mock runs as the built CLI (`node dist/cli.js --quiet`) in its own process, so the measuring client
 * never shares an event loop with the server; the export is read by a worker thread, so reading and parsing
 * 50 MiB never delays the requests this thread times. Results go to BENCHMARKS.md between the
 * mock-hardening markers; the exit code is 1 when a target is missed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { defaultCredentials } from '../src/credentials.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const settings = {
  customers: env('BENCH_CUSTOMERS', 40_000),
  warmupRounds: env('BENCH_WARMUP_ROUNDS', 2000),
  rounds: env('BENCH_ROUNDS', 2000),
  runs: env('BENCH_RUNS', 5),
  throughputSeconds: env('BENCH_THROUGHPUT_SECONDS', 3),
  exportMiB: env('BENCH_EXPORT_MIB', 50),
  exports: env('BENCH_EXPORTS', 3),
  baselineSeconds: env('BENCH_BASELINE_SECONDS', 3),
  connections: env('BENCH_CONNECTIONS', 200),
  seconds: env('BENCH_SECONDS', 10),
};
const targets = { lookupRatio: 1.2, exportHoldMs: 50 };

const appKeys = {
  'X-App-Id': defaultCredentials.voucherify['X-App-Id'],
  'X-App-Token': defaultCredentials.voucherify['X-App-Token'],
};
const MiB = 1024 * 1024;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = join(packageDir, 'dist/cli.js');

// ---------------------------------------------------------------------------------------------------------
// Mock processes: every one is killed when this process ends, however it ends.

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** What the mocks wrote to stderr (a bug answered 500 is logged there), to report. */
const mockStderr: string[] = [];

interface Mock {
  name: string;
  url: string;
  port: number;
  /** One keep-alive connection, for the sequential requests this script times. */
  agent: Agent;
  stop(): Promise<void>;
}

/** What the mocks wrote to stderr, each distinct line once with how often, for the results. */
function stderrNote(): string {
  const counts = new Map<string, number>();
  for (const line of mockStderr.join('').split('\n')) {
    const text = line.replace(/\(node:\d+\) /, '').trim();
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  if (counts.size === 0) return '';
  const lines = [...counts].map(([text, count]) => (count > 1 ? `${text} (×${count})` : text));
  return `\nThe mocks wrote to stderr during the run:\n\n\`\`\`\n${lines.join('\n').slice(0, 2000)}\n\`\`\`\n`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function checkBuild() {
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: run \`pnpm --filter @vouchspec/mock-server build\` first`);
  const built = statSync(cli).mtimeMs;
  const newer = (readdirSync(join(packageDir, 'src'), { recursive: true }) as string[]).filter(
    (file) => file.endsWith('.ts') && statSync(join(packageDir, 'src', file)).mtimeMs > built,
  );
  if (newer.length > 0)
    console.warn(
      `warning: src/ has changed since dist/ was built (${newer.slice(0, 3).join(', ')}…); ` +
        'run `pnpm --filter @vouchspec/mock-server build` to measure the current code',
    );
}

async function startMock(name: string): Promise<Mock> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, '--port', String(port), '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    for (const line of text.split('\n')) if (line.trim()) mockStderr.push(`[${name}] ${line}\n`);
    process.stderr.write(`[mock ${name}] ${text}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const mock: Mock = {
    name,
    url,
    port,
    agent,
    async stop() {
      agent.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`mock ${name} exited with ${child.exitCode}`);
    try {
      await call(mock, 'GET', '/__admin/operations');
      return mock;
    } catch (error) {
      if (attempt >= 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP over node:http (less client work per request than fetch, so the server's share shows).

interface Reply {
  status: number;
  body: Buffer;
}

function call(mock: Mock, method: string, path: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = path.startsWith('/__admin/') ? {} : { ...appKeys };
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: mock.port, method, path, headers, agent: mock.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', reject);
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

async function expectStatus(reply: Promise<Reply>, status: number, what: string): Promise<Reply> {
  const got = await reply;
  if (got.status !== status)
    throw new Error(`${what}: expected ${status}, got ${got.status}: ${got.body.toString().slice(0, 300)}`);
  return got;
}

/** One timed request; throws unless it is answered 200. */
async function timedGet(mock: Mock, path: string): Promise<number> {
  const started = performance.now();
  const reply = await call(mock, 'GET', path);
  const elapsed = performance.now() - started;
  if (reply.status !== 200) throw new Error(`GET ${path} on ${mock.name}: ${reply.status}`);
  return elapsed;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and formatting.

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
function quantile(values: readonly number[], q: number): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}
const median = (values: readonly number[]) => {
  const s = sorted(values);
  const mid = s.length / 2;
  return s.length % 2 ? (s[Math.floor(mid)] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const max = (values: readonly number[]) => values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
const msText = (ms: number) => (ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`);
const ratioText = (r: number) => r.toFixed(3);
const mibText = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const verdict = (ok: boolean) => (ok ? 'pass' : '**FAIL**');
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function customer(id: string, sourceId: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    source_id: sourceId,
    name: `Customer ${sourceId}`,
    email: `${sourceId}@example.com`,
    summary: null,
    loyalty: null,
    referrals: null,
    created_at: '2026-01-01T09:00:00.000Z',
    object: 'customer',
    ...extra,
  };
}

/** Seeds customers in batches no larger than `batchBytes` of JSON; returns how many were seeded. */
async function seedCustomers(
  mock: Mock,
  count: number,
  make: (index: number) => Record<string, unknown>,
  batchBytes = 6 * MiB,
): Promise<{ seeded: number; bytes: number }> {
  let seeded = 0;
  let bytes = 0;
  let batch: Record<string, unknown>[] = [];
  let batchSize = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const reply = await expectStatus(
      call(mock, 'POST', '/__admin/seed', { voucherify: { customers: batch } }),
      200,
      `seeding ${batch.length} customers into ${mock.name}`,
    );
    seeded += (JSON.parse(reply.body.toString()) as { seeded: Record<string, number> }).seeded[
      'voucherify.customers'
    ] as number;
    batch = [];
    batchSize = 0;
  };
  for (let index = 0; index < count; index++) {
    const item = make(index);
    const size = JSON.stringify(item).length + 1;
    if (batchSize + size > batchBytes) await flush();
    batch.push(item);
    batchSize += size;
    bytes += size;
  }
  await flush();
  return { seeded, bytes };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------
// 1. A lookup by source_id: one customer against 40,000, the target created last in both.

async function lookupBySourceId() {
  const [small, large] = await Promise.all([startMock('1 customer'), startMock('40k customers')]);
  try {
    const { seeded } = await seedCustomers(large, settings.customers - 1, (i) =>
      customer(`cust_bench${String(i).padStart(6, '0')}`, `crm-${i}`),
    );
    if (seeded !== settings.customers - 1)
      throw new Error(`seeded ${seeded} customers, not ${settings.customers - 1}`);
    // The target, created last and the way a client creates one.
    const target = { source_id: 'crm-lookup-target', name: 'Lookup Target', email: 'target@example.com' };
    for (const mock of [small, large])
      await expectStatus(
        call(mock, 'POST', '/v1/customers', target),
        200,
        `creating the target on ${mock.name}`,
      );
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

    // Throughput under load (autocannon, 10 connections), alternating stores.
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

// ---------------------------------------------------------------------------------------------------------
// 2. A 50 MiB export, with other requests timed one after another while it streams.

/** Reads the export in a worker thread and parses it there once read, so this thread only times requests. */
const exportReader = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
parentPort.once('message', () => {
  const started = performance.now();
  let firstByte;
  const req = http.get(workerData.url, (res) => {
    const chunks = [];
    let bytes = 0;
    res.on('data', (chunk) => {
      if (firstByte === undefined) firstByte = performance.now() - started;
      chunks.push(chunk);
      bytes += chunk.length;
    });
    res.on('error', (error) => parentPort.postMessage({ type: 'error', error: String(error) }));
    res.on('end', () => {
      parentPort.postMessage({ type: 'read', status: res.statusCode, bytes, ms: performance.now() - started, firstByte });
      try {
        const state = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        parentPort.postMessage({ type: 'parsed', customers: state.voucherify.customers.length });
      } catch (error) {
        parentPort.postMessage({ type: 'parsed', error: String(error) });
      }
    });
  });
  req.on('error', (error) => parentPort.postMessage({ type: 'error', error: String(error) }));
});
parentPort.postMessage({ type: 'ready' });
`;

interface ExportRun {
  status: number;
  bytes: number;
  ms: number;
  firstByte: number;
  customers: number;
  latencies: number[];
  /** The longest this thread's own event loop was held, so a slow probe is not blamed on the mock wrongly. */
  ownDelayMs: number;
}

/** Times `GET path` one after another until `until` settles; returns each latency. */
async function probe(mock: Mock, path: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  const stop = () => {
    done = true;
  };
  until.then(stop, stop);
  const latencies: number[] = [];
  while (!done) latencies.push(await timedGet(mock, path));
  return latencies;
}

async function exportOnce(mock: Mock, probePath: string): Promise<ExportRun> {
  const worker = new Worker(exportReader, { eval: true, workerData: { url: `${mock.url}/__admin/state` } });
  try {
    const messages = new Map<string, Record<string, unknown>>();
    const waiters = new Map<string, (message: Record<string, unknown>) => void>();
    let failed: ((error: Error) => void)[] = [];
    const fail = (error: Error) => {
      for (const reject of failed) reject(error);
      failed = [];
    };
    worker.on('error', fail);
    worker.on('message', (message: Record<string, unknown>) => {
      if (message.type === 'error') return fail(new Error(`export: ${String(message.error)}`));
      messages.set(message.type as string, message);
      waiters.get(message.type as string)?.(message);
    });
    const next = (type: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const arrived = messages.get(type);
        if (arrived) return resolve(arrived);
        waiters.set(type, resolve);
        failed.push(reject);
      });
    await next('ready');
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    worker.postMessage('go');
    const read = next('read');
    const latencies = await probe(mock, probePath, read);
    loopDelay.disable();
    const { status, bytes, ms, firstByte } = (await read) as {
      status: number;
      bytes: number;
      ms: number;
      firstByte: number;
    };
    const parsed = (await next('parsed')) as { customers?: number; error?: string };
    if (status !== 200) throw new Error(`GET /__admin/state answered ${status}`);
    if (parsed.error) throw new Error(`the export is not JSON: ${parsed.error}`);
    return {
      status,
      bytes,
      ms,
      firstByte,
      customers: parsed.customers as number,
      latencies,
      ownDelayMs: loopDelay.max / 1e6,
    };
  } finally {
    await worker.terminate();
  }
}

async function exportDoesNotBlock() {
  const mock = await startMock('50 MiB');
  try {
    const probeCustomer = { source_id: 'crm-probe', name: 'Probe', email: 'probe@example.com' };
    await expectStatus(
      call(mock, 'POST', '/v1/customers', probeCustomer),
      200,
      'creating the probe customer',
    );
    const probePath = `/v1/customers/${probeCustomer.source_id}`;
    // About 4 KB of metadata per customer: 32 fields of 110 characters.
    const filler =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna';
    const metadataOf = (i: number) =>
      Object.fromEntries(
        Array.from({ length: 32 }, (_, k) => [
          `field_${String(k).padStart(2, '0')}`,
          `${i}:${k} ${filler}`.slice(0, 110),
        ]),
      );
    const perCustomer = JSON.stringify(customer('cust_x', 'crm-x', { metadata: metadataOf(0) })).length + 1;
    // Enough customers for the export to pass the size with a margin of 3%.
    const count = Math.ceil((settings.exportMiB * MiB * 1.03) / perCustomer);
    const seedStarted = performance.now();
    const { seeded } = await seedCustomers(mock, count, (i) =>
      customer(`cust_big${String(i).padStart(6, '0')}`, `crm-big-${i}`, { metadata: metadataOf(i) }),
    );
    const seedMs = performance.now() - seedStarted;
    if (seeded !== count) throw new Error(`seeded ${seeded} customers, not ${count}`);
    await settle(1000);

    // Warm the probe path, then a baseline with no export running.
    for (let i = 0; i < 500; i++) await timedGet(mock, probePath);
    const baseline = await probe(mock, probePath, settle(settings.baselineSeconds * 1000));

    const runs: ExportRun[] = [];
    for (let run = 0; run < settings.exports; run++) {
      runs.push(await exportOnce(mock, probePath));
      if (runs.at(-1)?.customers !== count + 1)
        throw new Error(`the export holds ${runs.at(-1)?.customers} customers, not ${count + 1}`);
      await settle(1000);
    }
    return { customers: count + 1, seedMs, baseline, runs };
  } finally {
    await mock.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// 3. 200 connections for 10 s: reads and upserts of a small customer, alternating on every connection.

async function manyConnections() {
  const mock = await startMock('200 connections');
  try {
    const readTarget = { source_id: 'crm-read', name: 'Read', email: 'read@example.com' };
    await expectStatus(call(mock, 'POST', '/v1/customers', readTarget), 200, 'creating the read customer');
    let upserts = 0;
    const result = await autocannon({
      url: mock.url,
      connections: settings.connections,
      duration: settings.seconds,
      requests: [
        { method: 'GET', path: `/v1/customers/${readTarget.source_id}`, headers: appKeys },
        {
          method: 'POST',
          path: '/v1/customers',
          headers: { ...appKeys, 'Content-Type': 'application/json' },
          // 1,000 source_ids in turn: creates at first, updates after that, and the state stays small.
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              source_id: `crm-load-${upserts++ % 1000}`,
              name: 'Load',
              metadata: { n: upserts },
            }),
          }),
        },
      ],
    });
    return result;
  } finally {
    await mock.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  checkBuild();
  console.log('1/3 lookup by source_id: 1 customer against %d …', settings.customers);
  const lookup = await lookupBySourceId();
  console.log('2/3 a %d MiB state export with requests timed alongside …', settings.exportMiB);
  const exported = await exportDoesNotBlock();
  console.log('3/3 %d connections for %d s …', settings.connections, settings.seconds);
  const load = await manyConnections();

  const during = exported.runs.flatMap((r) => r.latencies);
  const worstHold = max(during);
  const smallestExport = Math.min(...exported.runs.map((r) => r.bytes));
  const loadErrors = load.errors + load.timeouts;
  const ok = {
    median: lookup.medianRatio <= targets.lookupRatio,
    mean: lookup.meanRatio <= targets.lookupRatio,
    size: smallestExport >= settings.exportMiB * MiB,
    hold: worstHold <= targets.exportHoldMs,
    errors: loadErrors === 0 && load['5xx'] === 0,
  };
  const list = (values: readonly number[], format: (n: number) => string) => values.map(format).join(', ');
  const cpus = os.cpus();
  const section = `<!-- mock-hardening:start -->
Recorded ${new Date().toISOString().slice(0, 10)} on ${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}, with
\`pnpm --filter @vouchspec/mock-server bench:hardening\` (issue #14). Each mock runs as the built CLI
(\`node dist/cli.js --quiet\`) in its own process, reached over loopback with keep-alive; the export is read by
a worker thread, so reading it never delays the requests being timed.

1. **Lookup by \`source_id\`**: \`GET /v1/customers/{source_id}\` on a mock holding 1 customer and one holding
${int(settings.customers)} (${int(settings.customers - 1)} seeded through \`POST /__admin/seed\`, then the target created last with
\`POST /v1/customers\` in both). ${settings.runs} runs of ${settings.rounds} rounds after ${settings.warmupRounds} warm-up rounds;
each round one request to each mock, in random order, one after another. A run's ratio is the ${int(settings.customers)}-customer
time over the 1-customer time; the figure is the median over runs. Throughput: autocannon, 10 connections,
${settings.throughputSeconds} s per mock, three times each, alternating; the slowdown
is the median over those pairs of 1-customer req/s ÷ 40,000-customer req/s.
2. **Export**: ${int(exported.customers)} customers with about 4 KB of metadata each (seeded in ${Math.round(exported.seedMs / 1000)} s), exported
${exported.runs.length} times with \`GET /__admin/state\` (read whole, parsed, customers counted); during each export
\`GET /v1/customers/{source_id}\` of a small customer is sent one after another, each timed from sending to the
last byte. Baseline: the same for ${settings.baselineSeconds} s with no export.
3. **Load**: autocannon, ${settings.connections} connections for ${settings.seconds} s, each connection alternating
\`GET /v1/customers/{source_id}\` and \`POST /v1/customers\` (an upsert of one of 1,000 small customers).
autocannon opens every connection at once and counts a request unanswered after 10 s as a timeout. The latency
maximum is the first request of a connection that waited in the listen queue, which a busy Node server drains
slowly (a bare \`node:http\` server shows the same on this machine).

| measure | result | target | |
|---|---|---|---|
| 1. lookup, 1 customer: median / mean / p99 | ${us(lookup.small.median)} / ${us(lookup.small.mean)} / ${us(lookup.small.p99)} | | |
| 1. lookup, ${int(settings.customers)} customers: median / mean / p99 | ${us(lookup.large.median)} / ${us(lookup.large.mean)} / ${us(lookup.large.p99)} | | |
| 1. ratio of medians, ${int(settings.customers)} ÷ 1 | **${ratioText(lookup.medianRatio)}** (runs: ${list(lookup.medianRatios, ratioText)}) | ≤ ${targets.lookupRatio} | ${verdict(ok.median)} |
| 1. ratio of means, ${int(settings.customers)} ÷ 1 | **${ratioText(lookup.meanRatio)}** (runs: ${list(lookup.meanRatios, ratioText)}) | ≤ ${targets.lookupRatio} | ${verdict(ok.mean)} |
| 1. throughput, 10 connections: 1 customer / ${int(settings.customers)} | ${int(lookup.rps.small)} / ${int(lookup.rps.large)} req/s (slowdown ${ratioText(median(lookup.rpsRatios))}; pairs: ${list(lookup.rpsRatios, ratioText)}) | | |
| 2. export size / time / first byte | ${mibText(smallestExport)} / ${list(
    exported.runs.map((r) => r.ms / 1000),
    (s) => `${s.toFixed(2)} s`,
  )} / ${list(
    exported.runs.map((r) => r.firstByte),
    msText,
  )} | ≥ ${settings.exportMiB} MiB | ${verdict(ok.size)} |
| 2. other requests during the exports: count / p50 / p99 / **max** | ${int(during.length)} / ${msText(median(during))} / ${msText(quantile(during, 0.99))} / **${msText(worstHold)}** (per export: ${list(
    exported.runs.map((r) => max(r.latencies)),
    msText,
  )}) | max ≤ ${targets.exportHoldMs} ms | ${verdict(ok.hold)} |
| 2. the same with no export (baseline) | ${int(exported.baseline.length)} / ${msText(median(exported.baseline))} / ${msText(quantile(exported.baseline, 0.99))} / ${msText(max(exported.baseline))} | | |
| 2. this process's own event-loop delay during the exports, max | ${list(
    exported.runs.map((r) => r.ownDelayMs),
    msText,
  )} | | |
| 3. ${settings.connections} connections, ${settings.seconds} s: requests / req/s / throughput | ${int(load.requests.total)} / ${int(load.requests.average)} / ${(load.throughput.average / MiB).toFixed(1)} MiB/s | | |
| 3. latency p50 / p99 / max | ${load.latency.p50} / ${load.latency.p99} / ${load.latency.max} ms | | |
| 3. errors (connection errors + timeouts) / timeouts / 5xx / non-2xx | **${load.errors} / ${load.timeouts} / ${load['5xx']} / ${load.non2xx}** | 0 errors, 0 5xx | ${verdict(ok.errors)} |
${stderrNote()}<!-- mock-hardening:end -->`;
  console.log(section);

  const file = new URL('../../../BENCHMARKS.md', import.meta.url);
  const current = await readFile(file, 'utf8');
  const marker = /<!-- mock-hardening:start -->[\s\S]*<!-- mock-hardening:end -->/;
  await writeFile(
    file,
    marker.test(current)
      ? current.replace(marker, () => section)
      : `${current.trimEnd()}\n\n## Mock server: hardening\n\n${section}\n`,
  );
  if (!Object.values(ok).every(Boolean)) {
    console.error(
      `mock hardening benchmark: target missed (${Object.entries(ok)
        .filter(([, passed]) => !passed)
        .map(([name]) => name)
        .join(', ')})`,
    );
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGKILL');
}
