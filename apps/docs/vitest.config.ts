import { defineConfig } from 'vitest/config';

// The browser test drives one Chromium through ~60 operations per page; give it room on 2 cores.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
});
