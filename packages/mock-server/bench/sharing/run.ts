/**
 * `pnpm --filter @vouchspec/mock-server bench:sharing`: issue #16's figures — the validating proxy's added
 * latency at p50/p99 against calling the upstream directly (proxy-latency.ts), and one mock shared by eight
 * worlds under 200 connections for 10 s, next to Prism under the same load (worlds-load.ts). Results go to
 * BENCHMARKS.md between the mock-sharing markers; the exit code is 1 when the shared mock has any error.
 */
import { runBenchmark } from '../hardening/mocks.js';
import { int, msText } from '../hardening/stats.js';
import { recordedOn, recordSection } from '../support.js';
import { proxyLatency } from './proxy-latency.js';
import { type LoadResult, prismUnderLoad, worldCount, worldsUnderLoad } from './worlds-load.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const rounds = env('BENCH_ROUNDS', 3000);
const warmup = env('BENCH_WARMUP_ROUNDS', 500);
const connections = env('BENCH_CONNECTIONS', 200);
const seconds = env('BENCH_SECONDS', 10);

const failures = (r: LoadResult) => r.errors + r.timeouts + r.non2xx;

async function main() {
  console.log('1/3 proxy latency: %d alternating pairs after %d warm-up pairs …', rounds, warmup);
  const latency = await proxyLatency(rounds, warmup);
  console.log('2/3 %d worlds, %d connections for %d s …', worldCount, connections, seconds);
  const worlds = await worldsUnderLoad(connections, seconds);
  console.log('3/3 Prism, %d connections for %d s …', connections, seconds);
  const prism = await prismUnderLoad(connections, seconds);

  const load = (r: LoadResult) =>
    `${int(r.requests)} / ${int(r.rps)} / ${r.p99} ms | ${r.errors} / ${r.timeouts} / ${r.non2xx}`;
  const text = `<!-- mock-sharing:start -->
${recordedOn()}, with
\`pnpm --filter @vouchspec/mock-server bench:sharing\`: every server is the built CLI (or Prism) in a process of its
own on loopback. The proxy (\`vouchspec-mock --proxy\`) stands in front of a mock; ${int(rounds)} pairs of the same
\`GET /v1/customers/{customerId}\`, straight and through the proxy, alternate in random order on keep-alive
connections after ${int(warmup)} warm-up pairs. Then one mock holds ${worldCount} worlds (${worldCount} arbitrary key sets, a customer
each) while autocannon reads every world's customer in turn on ${connections} connections for ${seconds} s; Prism serves
the same read from the same bundle under the same load.

| measure | p50 | p99 | target |
|---|---|---|---|
| straight to the mock | ${msText(latency.direct.p50)} | ${msText(latency.direct.p99)} | |
| through the validating proxy | ${msText(latency.proxied.p50)} | ${msText(latency.proxied.p99)} | |
| added by the proxy (per pair, proxied − straight) | **${msText(latency.added.p50)}** | **${msText(latency.added.p99)}** | |

| ${connections} connections, ${seconds} s | requests / req/s / p99 | errors / timeouts / non-2xx | target |
|---|---|---|---|
| vouchspec mock, ${worldCount} worlds | ${load(worlds)} | 0 errors |
| Prism (examples, one shared answer) | ${load(prism)} | |
<!-- mock-sharing:end -->`;
  console.log(text);
  await recordSection('mock-sharing', 'Mock server: worlds and the validating proxy', text);
  if (failures(worlds) > 0) {
    console.error('mock sharing benchmark: the shared mock answered with errors');
    process.exitCode = 1;
  }
}

await runBenchmark(main);
