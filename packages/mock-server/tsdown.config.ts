import { defineConfig } from 'tsdown';

const shared = {
  platform: 'node',
  target: 'node20',
  // .js for ESM and .cjs for CommonJS, as the exports map names them.
  fixedExtension: false,
  dts: true,
  logLevel: 'warn',
  inputOptions: { checks: { pluginTimings: false } },
} as const;

export default defineConfig([
  // ESM: the library and the `vouchspec-mock` bin, sharing one copy of the server.
  { ...shared, entry: ['src/index.ts', 'src/cli.ts'], format: ['esm'] },
  // CommonJS: the library only, for test set-ups that require() it (Jest without ESM support).
  { ...shared, entry: ['src/index.ts'], format: ['cjs'], clean: false },
]);
