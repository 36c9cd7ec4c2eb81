import { defineConfig, type UserConfig } from 'tsdown';
import { packageBuild } from '../tsdown.shared.js';

const shared: UserConfig = {
  ...packageBuild,
  entry: ['src/index.ts', 'src/validation.ts', 'src/types.ts'],
  // import.meta.url locates the bundles; the CommonJS build needs it shimmed.
  shims: true,
  // scripts/build.ts empties dist/ and writes the bundles there first.
  clean: false,
};

// Declarations are generated once, with the ESM build; scripts/build.ts copies them for CommonJS.
export default defineConfig([
  { ...shared, format: ['esm'] },
  { ...shared, format: ['cjs'], dts: false },
]);
