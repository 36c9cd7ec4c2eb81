import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/validation.ts', 'src/types.ts'],
  format: ['esm', 'cjs'],
  platform: 'node',
  // .js for ESM and .cjs for CommonJS, as the exports map names them.
  fixedExtension: false,
  target: 'node20',
  dts: true,
  // import.meta.url locates the bundles; the CommonJS build needs it shimmed.
  shims: true,
  // scripts/build.ts empties dist/ and writes the bundles there first.
  clean: false,
  inputOptions: { checks: { pluginTimings: false } },
});
