/**
 * Times `pnpm conformance` end to end, as a user runs it from the repository root (turbo's build check,
 * consumer tests, spec and coverage checks, verification against the embedded mock, reports), and records the
 * result in BENCHMARKS.md between the conformance markers. Exits non-zero when the 60 s target is missed.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { ConformanceReport } from '@vouchspec/conformance';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const targetSeconds = 60;
const root = new URL('../../../', import.meta.url).pathname;

function conformance(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('pnpm', ['conformance'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`pnpm conformance exited with ${code}`)),
    );
  });
}

const seconds: number[] = [];
for (let run = 1; run <= runs; run++) {
  seconds.push(await conformance());
  console.log(`run ${run}: ${seconds.at(-1)?.toFixed(1)} s`);
}
const report = JSON.parse(
  await readFile(new URL('../reports/conformance.json', import.meta.url), 'utf8'),
) as ConformanceReport;
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const worst = sorted.at(-1) ?? 0;
const { totals } = report;

const section = `<!-- conformance-bench:start -->
Recorded ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, with
\`pnpm --filter @vouchspec/contract-tests bench\`: ${runs} runs of \`pnpm conformance\` from the repository root, wall clock,
after \`pnpm install\` and one build (turbo's cached build check is part of every run).

| measure | result | target |
|---|---|---|
| \`pnpm conformance\`, median of ${runs} | **${median.toFixed(1)} s** (runs: ${seconds.map((s) => s.toFixed(1)).join(', ')}) | ≤ ${targetSeconds} s |
| slowest run | ${worst.toFixed(1)} s | |
| what it did | ${totals.covered}/${totals.operations} operations covered, ${totals.interactions} interactions, ${totals.passed} passed, ${totals.failed} failed, ${totals.specMismatches} spec mismatches | |
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
if (worst > targetSeconds) {
  console.error(
    `conformance benchmark: a run took ${worst.toFixed(1)} s, over the ${targetSeconds} s target`,
  );
  process.exitCode = 1;
}
