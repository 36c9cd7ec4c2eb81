import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Registry, publish and install happen once, in the main process, before the checks (test/setup.ts).
    globalSetup: ['test/setup.ts'],
    // One file, one project, one registry: nothing to gain from parallel files, much to lose on 2 cores.
    fileParallelism: false,
    // Generous bounds for cold installs and a full conformance run, never performance expectations.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
