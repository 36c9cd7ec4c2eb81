import { defineConfig } from 'vitest/config';

// The tests read the pacts this package ships (copied into pacts/ by the `pacts` task from the repository's
// recording). Pact's core runs only in the verification workers the runs fork, never in a test worker, so
// test files may run side by side.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Files share their worker's modules: Pact's verifier, the comparator and the spec load once per worker.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
