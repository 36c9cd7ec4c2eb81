import { defineConfig } from 'vitest/config';

// Pact's native core is not safe to run in parallel workers: one fork, files in sequence. The consumer
// project records the pacts (the `record` task and `pnpm conformance` run it); the unit project tests the
// spec-derived matchers.
export default defineConfig({
  test: {
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'consumer',
          include: ['test/consumer/**/*.test.ts'],
          globalSetup: ['test/consumer/global-setup.ts'],
        },
      },
    ],
  },
});
