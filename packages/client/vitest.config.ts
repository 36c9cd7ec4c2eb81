import { defineConfig } from 'vitest/config';

// The type tests (test/*.test-d.ts) are checked by the `typecheck` task: tsc compiles them with the rest of
// the package, and a failed expectTypeOf or an unused @ts-expect-error is a compile error there.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'] },
});
