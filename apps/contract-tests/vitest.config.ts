import { defineConfig } from 'vitest/config';

// Pact's native core is not safe to run in parallel workers: one fork, files in sequence (TOOLCHAIN.md).
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
        test: {
          name: 'consumer',
          include: ['test/consumer/**/*.test.ts'],
          globalSetup: ['test/consumer/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'provider', include: ['test/provider/**/*.test.ts'], sequence: { groupOrder: 2 } },
      },
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 3 } },
      },
    ],
  },
});
