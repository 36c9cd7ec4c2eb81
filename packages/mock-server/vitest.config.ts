import { defineConfig } from 'vitest/config';

// Starting a mock compiles a validator for every operation, which is CPU-bound: beside turbo's other tasks
// on two cores it has taken over 10 s. The timeouts only guard against hangs; they measure nothing.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files share a worker's modules, so the spec and the compiled validators load once per worker.
    isolate: false,
  },
});
