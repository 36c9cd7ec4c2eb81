#!/usr/bin/env node
/**
 * `pnpm bench:test`: times a cold `pnpm test` (turbo `--force`: every build, lint, type check and test runs,
 * nothing from the cache) without the installed-packages test, then that test on its own, and records the
 * medians in BENCHMARKS.md between the test-bench markers. Exits non-zero when the cold run misses 150 s.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark setting, outside turbo's tasks.
const runs = Number(process.env.BENCH_RUNS ?? 3);
const targetSeconds = 150;

function timed(command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return (performance.now() - started) / 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const cold = [];
const installed = [];
for (let run = 1; run <= runs; run++) {
  cold.push(timed('pnpm', ['test', '--force', '--filter=!@vouchspec/outside-consumer']));
  installed.push(
    timed('pnpm', ['turbo', 'run', 'test', '--force', '--only', '--filter=@vouchspec/outside-consumer']),
  );
  console.log(
    `run ${run}: cold pnpm test ${cold.at(-1).toFixed(0)} s, installed-packages test ${installed.at(-1).toFixed(0)} s`,
  );
}

const section = `<!-- test-bench:start -->
Recorded ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, with
\`pnpm bench:test\`: ${runs} runs, wall clock, after \`pnpm install\` (npm's cache warm for the installed-packages test).

| measure | median | runs | target |
|---|---|---|---|
| cold \`pnpm test\` (turbo \`--force\`), installed-packages test excepted | **${median(cold).toFixed(0)} s** | ${cold.map((s) => s.toFixed(0)).join(', ')} | ≤ ${targetSeconds} s |
| the installed-packages test alone (\`apps/outside-consumer\`) | ${median(installed).toFixed(0)} s | ${installed.map((s) => s.toFixed(0)).join(', ')} | |
<!-- test-bench:end -->`;
console.log(section);

const file = join(root, 'BENCHMARKS.md');
const current = readFileSync(file, 'utf8');
const marker = /<!-- test-bench:start -->[\s\S]*<!-- test-bench:end -->/;
writeFileSync(
  file,
  marker.test(current)
    ? current.replace(marker, section)
    : `${current.trimEnd()}\n\n## pnpm test: duration\n\n${section}\n`,
);
if (median(cold) > targetSeconds) {
  console.error(
    `test benchmark: the median cold run took ${median(cold).toFixed(0)} s, over the ${targetSeconds} s target`,
  );
  process.exitCode = 1;
}
