import { defineConfig } from 'tsdown';
import { packageBuild } from '../tsdown.shared.js';

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts', 'src/validation.ts', 'src/types.ts'],
  format: ['esm', 'cjs'],
  // import.meta.url locates the bundles; the CommonJS build needs it shimmed.
  shims: true,
  // scripts/build.ts empties dist/ and writes the bundles there first.
  clean: false,
});
