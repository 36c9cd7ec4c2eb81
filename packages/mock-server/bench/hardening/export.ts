/** 2. A 50 MiB export, with other requests timed one after another while it streams. */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createCustomer, customer, seedCustomers } from './customers.js';
import { type Mock, startMock, timedGet } from './mocks.js';
import { MiB, settings, settle } from './settings.js';

export interface ExportRun {
  status: number;
  bytes: number;
  ms: number;
  firstByte: number;
  customers: number;
  latencies: number[];
  /** The longest this thread's own event loop was held, so a slow probe is not blamed on the mock wrongly. */
  ownDelayMs: number;
}

export type ExportResult = Awaited<ReturnType<typeof exportDoesNotBlock>>;

export async function exportDoesNotBlock() {
  const mock = await startMock('50 MiB');
  try {
    const probeCustomer = { source_id: 'crm-probe', name: 'Probe', email: 'probe@example.com' };
    await createCustomer(mock, probeCustomer, 'the probe customer');
    const probePath = `/v1/customers/${probeCustomer.source_id}`;
    const seedStarted = performance.now();
    const count = await fill(mock);
    const seedMs = performance.now() - seedStarted;
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

/** Seeds enough customers with about 4 KB of metadata each for the export to pass its size; returns how many. */
async function fill(mock: Mock): Promise<number> {
  // 32 fields of 110 characters.
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
  // A margin of 3% over the size.
  const count = Math.ceil((settings.exportMiB * MiB * 1.03) / perCustomer);
  const { seeded } = await seedCustomers(mock, count, (i) =>
    customer(`cust_big${String(i).padStart(6, '0')}`, `crm-big-${i}`, { metadata: metadataOf(i) }),
  );
  if (seeded !== count) throw new Error(`seeded ${seeded} customers, not ${count}`);
  return count;
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

/** One export, read by the worker thread, with requests timed alongside until it is read. */
async function exportOnce(mock: Mock, probePath: string): Promise<ExportRun> {
  const worker = new Worker(new URL('./export-reader.mjs', import.meta.url), {
    workerData: { url: `${mock.url}/__admin/state` },
  });
  try {
    const next = messagesOf(worker);
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

/** The worker's messages by type: `next(type)` resolves with that message, or rejects when the worker fails. */
function messagesOf(worker: Worker) {
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
  return (type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const arrived = messages.get(type);
      if (arrived) return resolve(arrived);
      waiters.set(type, resolve);
      failed.push(reject);
    });
}
