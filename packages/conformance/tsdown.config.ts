import { defineConfig } from 'tsdown';

export default defineConfig({
  // The library, the bin, and the verification worker each run as their own entry (the worker is forked).
  entry: ['src/index.ts', 'src/bin.ts', 'src/verify-worker.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
  dts: true,
  logLevel: 'warn',
  inputOptions: { checks: { pluginTimings: false } },
});
