import { defineConfig } from 'vitest/config';

// The consumer project records the pacts (the `record` task and `pnpm conformance` run it): its files run in
// parallel forks, each writing a pact of its own that the global teardown merges, and a fork is reused across
// files (isolate: false) so Pact's native core loads once per fork. The unit project tests the spec-derived
// matchers and the merge.
export default defineConfig({
  test: {
    pool: 'forks',
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // `pnpm conformance` as users run it: full runs, given room on two cores.
      {
        extends: true,
        test: { name: 'command', include: ['test/command/**/*.test.ts'], testTimeout: 240_000 },
      },
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
