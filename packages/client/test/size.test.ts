import { expect, it } from 'vitest';
import { measureRuntimeSize, sizeBudgetBytes } from '../bench/size.js';

it(`ships both clients in at most ${sizeBudgetBytes} bytes minified and gzipped`, async () => {
  const { gzipped } = await measureRuntimeSize();
  expect(gzipped).toBeLessThanOrEqual(sizeBudgetBytes);
});
