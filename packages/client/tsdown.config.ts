import { defineConfig, type UserConfig } from 'tsdown';

const shared: UserConfig = {
  entry: ['src/index.ts'],
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
};

// The declarations are one self-contained file (the spec's types inlined) that reads the same from ESM and
// CommonJS; generating it once and copying it to index.d.cts (package.json's build) halves the build, which
// the recording of the contract waits for.
export default defineConfig([
  { ...shared, format: ['esm'], dts: true },
  { ...shared, format: ['cjs'], dts: false, clean: false },
]);
