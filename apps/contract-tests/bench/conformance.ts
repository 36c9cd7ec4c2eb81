/**
 * Times `pnpm conformance` end to end, as a user runs it from the repository root, and each of its steps by
 * when their first line appears: the launcher and turbo's build check, recording, the check, verification
 * (to the report). Records the medians in BENCHMARKS.md between the conformance markers and exits non-zero
 * when the median misses the 20 s target.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceReport } from '@vouchspec/conformance';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const targetSeconds = 20;
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The lines that start each step, in order. */
const steps = [
  ['build check', /^Build: /],
  ['record', /^Record: /],
  ['check', /^Check: /],
  ['verify and report', /^Verify: /],
] as const;

interface Timing {
  total: number;
  steps: number[];
  report: ConformanceReport;
}

async function conformance(): Promise<Timing> {
  const out = await mkdtemp(join(os.tmpdir(), 'vouchspec-bench-'));
  try {
    const started = performance.now();
    const seen: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const child = spawn('pnpm', ['conformance', '--out', out], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const watch = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          const step = steps.findIndex(([, pattern]) => pattern.test(line));
          if (step >= 0 && seen[step] === undefined) seen[step] = performance.now() - started;
        }
      };
      child.stdout.on('data', watch);
      child.stderr.on('data', watch);
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`pnpm conformance exited with ${code}`)),
      );
    });
    const total = (performance.now() - started) / 1000;
    // Each step lasts until the next one starts; the first starts with the command.
    const starts = [0, ...seen.slice(1)].map((ms) => (ms ?? 0) / 1000);
    const ends = [...starts.slice(1), total];
    const report = JSON.parse(await readFile(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
    return { total, steps: starts.map((start, index) => (ends[index] ?? total) - start), report };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const timings: Timing[] = [];
for (let run = 1; run <= runs; run++) {
  timings.push(await conformance());
  console.log(`run ${run}: ${timings.at(-1)?.total.toFixed(1)} s`);
}
const totals = timings.map((t) => t.total);
const medianTotal = median(totals);
const { totals: counted } = timings.at(-1)?.report ?? ({} as ConformanceReport);

const section = `<!-- conformance-bench:start -->
Recorded ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, with
\`pnpm --filter @vouchspec/contract-tests bench\`: ${runs} runs of \`pnpm conformance\` from the repository root, wall clock,
after \`pnpm install\` and one build (turbo's cached build check is part of every run; every run records afresh).

| measure | median | runs | target |
|---|---|---|---|
| \`pnpm conformance\` | **${medianTotal.toFixed(1)} s** | ${totals.map((s) => s.toFixed(1)).join(', ')} | ≤ ${targetSeconds} s |
${steps
  .map(
    ([name], index) =>
      `| — ${name} | ${median(timings.map((t) => t.steps[index] ?? 0)).toFixed(1)} s | ${timings.map((t) => (t.steps[index] ?? 0).toFixed(1)).join(', ')} | |`,
  )
  .join('\n')}

What each run did: ${counted?.covered}/${counted?.operations} operations covered, ${counted?.interactions} interactions, ${counted?.passed} passed, ${counted?.failed} failed, ${counted?.skipped} skipped, ${counted?.specMismatches} spec mismatches.
<!-- conformance-bench:end -->`;
console.log(section);

const file = new URL('../../../BENCHMARKS.md', import.meta.url);
const current = await readFile(file, 'utf8');
const marker = /<!-- conformance-bench:start -->[\s\S]*<!-- conformance-bench:end -->/;
await writeFile(
  file,
  marker.test(current)
    ? current.replace(marker, section)
    : `${current.trimEnd()}\n\n## Conformance suite: duration\n\n${section}\n`,
);
if (medianTotal > targetSeconds) {
  console.error(
    `conformance benchmark: the median run took ${medianTotal.toFixed(1)} s, over the ${targetSeconds} s target`,
  );
  process.exitCode = 1;
}
