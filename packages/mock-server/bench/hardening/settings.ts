/** The run's sizes (each can be set from the environment, to try a smaller run) and issue #14's targets. */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const settings = {
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

export const targets = { lookupRatio: 1.2, exportHoldMs: 50 };

export const MiB = 1024 * 1024;

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
