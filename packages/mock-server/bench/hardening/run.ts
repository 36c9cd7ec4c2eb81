/**
 * `pnpm --filter @vouchspec/mock-server bench:hardening`: the figures behind issue #14's acceptance line —
 * a lookup by `source_id` at 40,000 customers within 1.2× of a store with one (lookup.ts), a 50 MiB state
 * export that does not hold another request longer than 50 ms (export.ts), and 200 connections for 10 s
 * without an error (connections.ts). Each mock is a process of its own (mocks.ts). Results go to
 * BENCHMARKS.md between the mock-hardening markers (report.ts); the exit code is 1 when a target is missed.
 */
import { recordSection } from '../support.js';
import { manyConnections } from './connections.js';
import { exportDoesNotBlock } from './export.js';
import { lookupBySourceId } from './lookup.js';
import { runBenchmark } from './mocks.js';
import { section, verdicts } from './report.js';
import { settings } from './settings.js';

async function main() {
  console.log('1/3 lookup by source_id: 1 customer against %d …', settings.customers);
  const lookup = await lookupBySourceId();
  console.log('2/3 a %d MiB state export with requests timed alongside …', settings.exportMiB);
  const exported = await exportDoesNotBlock();
  console.log('3/3 %d connections for %d s …', settings.connections, settings.seconds);
  const load = await manyConnections();

  const results = { lookup, exported, load };
  const text = section(results);
  console.log(text);
  await recordSection('mock-hardening', 'Mock server: hardening', text);
  const missed = Object.entries(verdicts(results)).filter(([, passed]) => !passed);
  if (missed.length > 0) {
    console.error(`mock hardening benchmark: target missed (${missed.map(([name]) => name).join(', ')})`);
    process.exitCode = 1;
  }
}

await runBenchmark(main);
