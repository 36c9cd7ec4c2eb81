import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

export default defineConfig({
  ...packageBuild,
  // The library, the bin, and the verification worker each run as their own entry (the worker is forked).
  entry: ['src/index.ts', 'src/bin.ts', 'src/verify-worker.ts'],
  format: ['esm'],
});
