import { defineConfig } from 'vitest/config';

// Pact's native core is not safe to run in parallel workers: one fork, files in sequence. The tests read the
// pacts this package ships (copied into pacts/ by the build from the repository's recording).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
