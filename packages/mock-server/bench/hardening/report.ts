/** The results as the BENCHMARKS.md section, and which targets they meet. */
import type autocannon from 'autocannon';
import { recordedOn } from '../support.js';
import type { ExportResult } from './export.js';
import type { LookupResult } from './lookup.js';
import { stderrNote } from './mocks.js';
import { MiB, settings, targets } from './settings.js';
import { int, list, max, median, mibText, msText, quantile, ratioText, us, verdict } from './stats.js';

export interface Results {
  lookup: LookupResult;
  exported: ExportResult;
  load: autocannon.Result;
}

/** Whether each target is met, by name. */
export function verdicts({ lookup, exported, load }: Results) {
  return {
    median: lookup.medianRatio <= targets.lookupRatio,
    mean: lookup.meanRatio <= targets.lookupRatio,
    size: Math.min(...exported.runs.map((r) => r.bytes)) >= settings.exportMiB * MiB,
    hold: max(exported.runs.flatMap((r) => r.latencies)) <= targets.exportHoldMs,
    errors: load.errors + load.timeouts === 0 && load['5xx'] === 0,
  };
}

export function section(results: Results): string {
  const { lookup, exported, load } = results;
  const ok = verdicts(results);
  const during = exported.runs.flatMap((r) => r.latencies);
  const worstHold = max(during);
  const smallestExport = Math.min(...exported.runs.map((r) => r.bytes));
  return `<!-- mock-hardening:start -->
${recordedOn()}, with
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
}
