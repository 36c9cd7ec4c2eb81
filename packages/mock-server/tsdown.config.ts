import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

export default defineConfig([
  // ESM: the library and the `vouchspec-mock` bin, sharing one copy of the server.
  { ...packageBuild, entry: ['src/index.ts', 'src/cli.ts'], format: ['esm'] },
  // CommonJS: the library only, for test set-ups that require() it (Jest without ESM support). Its
  // declarations are the ESM ones, which import only packages: package.json's build copies them.
  { ...packageBuild, entry: ['src/index.ts'], format: ['cjs'], dts: false, clean: false },
]);
