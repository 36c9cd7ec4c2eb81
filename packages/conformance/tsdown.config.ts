import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

export default defineConfig({
  ...packageBuild,
  // The library, the bin, and the verification worker each run as their own entry (the worker is forked);
  // `states` holds only the provider-state names, for consumer tests that record pacts of their own.
  entry: {
    index: 'src/index.ts',
    bin: 'src/bin.ts',
    'verify-worker': 'src/verify/worker.ts',
    states: 'src/states/names.ts',
  },
  format: ['esm'],
});
