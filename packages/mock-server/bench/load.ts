/**
 * `pnpm --filter @vouchspec/mock-server bench`: load figures for a read and a write on the mock server and
 * on Stoplight Prism serving the same bundle, side by side. Each server runs in its own process; autocannon
 * drives it from this one. Results go to BENCHMARKS.md between the mock markers.
 */
import { findOperation, firstExample, loadBundle } from '@vouchspec/spec';
import autocannon from 'autocannon';
import { appKeys, recordedOn, recordSection, startServer } from './support.js';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const target = 5000;

const getCustomer = findOperation('voucherify', 'getCustomer');
const createCustomer = findOperation('voucherify', 'createCustomer');
const customerId = String(getCustomer.parameters.find((p) => p.name === 'customerId')?.example);
const customerBody = JSON.stringify(
  firstExample(loadBundle('voucherify'), createCustomer.requestBody?.content['application/json']),
);

const scenarios = {
  read: { method: 'GET' as const, path: `/v1/customers/${customerId}`, headers: appKeys },
  write: {
    method: 'POST' as const,
    path: '/v1/customers',
    headers: { ...appKeys, 'Content-Type': 'application/json' },
    body: customerBody,
  },
};

async function load(url: string, scenario: (typeof scenarios)[keyof typeof scenarios]) {
  // `warmup` is an autocannon option its published types do not list yet.
  const result = await autocannon({
    url: url + scenario.path,
    method: scenario.method,
    headers: scenario.headers,
    ...('body' in scenario ? { body: scenario.body } : {}),
    connections,
    duration,
    warmup: { connections, duration: 2 },
  } as autocannon.Options);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${url}${scenario.path}: ${result.non2xx} non-2xx responses and ${result.errors} errors; the figures would be meaningless`,
    );
  }
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const results: Record<string, Record<string, { rps: number; p99: number; total: number }>> = {};
for (const name of ['mock', 'prism'] as const) {
  const server = await startServer(name);
  try {
    if (name === 'mock') {
      // The read needs the customer to exist: create it the way a client would.
      await fetch(`${server.url}/v1/customers`, {
        method: 'POST',
        headers: scenarios.write.headers,
        body: JSON.stringify({ ...JSON.parse(customerBody), source_id: customerId }),
      });
    }
    results[name] = {
      read: await load(server.url, scenarios.read),
      write: await load(server.url, scenarios.write),
    };
  } finally {
    server.stop();
  }
}

const row = (label: string, key: 'read' | 'write') => {
  const mock = results.mock?.[key];
  const prism = results.prism?.[key];
  if (!mock || !prism) throw new Error('missing results');
  // autocannon's latency histogram has millisecond resolution.
  const ms = (value: number) => (value < 1 ? '< 1 ms' : `${value} ms`);
  return `| ${label} | ${Math.round(mock.rps)} | ${ms(mock.p99)} | ${Math.round(prism.rps)} | ${ms(prism.p99)} | **${(mock.rps / prism.rps).toFixed(1)}×** |`;
};
const section = `<!-- mock-bench:start -->
${recordedOn()}, with
\`pnpm --filter @vouchspec/mock-server bench\`: autocannon, ${connections} connections, ${duration} s after a 2 s warm-up, each server in
its own process on loopback, both validating requests against the same bundle (the mock with \`--quiet\`, Prism with
\`-v silent\`; Prism answers from examples, the mock from its state). Every response of every run was a 2xx.

| scenario | mock req/s | mock p99 | Prism req/s | Prism p99 | mock ÷ Prism |
|---|---|---|---|---|---|
${row(`read: \`GET /v1/customers/{customerId}\``, 'read')}
${row('write: `POST /v1/customers` (upsert)', 'write')}

Target: ≥ ${target} req/s for the read, and faster than Prism.
<!-- mock-bench:end -->`;
console.log(section);

await recordSection('mock-bench', '@vouchspec/mock-server: load', section);
const read = results.mock?.read;
if (!read || read.rps < target || read.rps <= (results.prism?.read?.rps ?? 0)) {
  console.error('mock benchmark: a target was missed');
  process.exitCode = 1;
}
