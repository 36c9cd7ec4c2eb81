import { defineConfig } from 'vitest/config';

// Pact's native core is not safe to run in parallel workers: one fork, files in sequence (TOOLCHAIN.md).
// Projects run in group order: the consumer tests that record the pacts, the checks of those pacts, provider
// verification, then the unit tests (which need nothing; group 0 would run last anyway, see TOOLCHAIN.md).
export default defineConfig({
  test: {
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 4 } },
      },
      {
        extends: true,
        test: {
          name: 'consumer',
          include: ['test/consumer/**/*.test.ts'],
          globalSetup: ['test/consumer/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'pacts', include: ['test/pact-checks/**/*.test.ts'], sequence: { groupOrder: 2 } },
      },
      {
        extends: true,
        test: {
          name: 'provider',
          include: ['test/provider/**/*.test.ts'],
          sequence: { groupOrder: 3 },
          testTimeout: 180_000,
        },
      },
    ],
  },
});
