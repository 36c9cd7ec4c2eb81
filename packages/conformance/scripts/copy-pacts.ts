/**
 * The contract this package ships: `tsx scripts/copy-pacts.ts` copies the pacts `@vouchspec/contract-tests`
 * records (turbo runs its `record` task first) into `pacts/`; with `--check` (before packing) it only makes
 * sure a pact for each provider is there, so no tarball goes out without the contract.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiIds } from '@vouchspec/spec';
import { findPacts, shippedPactsDir } from '../src/pacts.js';

const recordedDir = fileURLToPath(new URL('../../../apps/contract-tests/pacts/', import.meta.url));

try {
  if (process.argv.includes('--check')) {
    await findPacts(shippedPactsDir, apiIds);
  } else {
    const recorded = await findPacts(recordedDir, apiIds);
    await rm(shippedPactsDir, { recursive: true, force: true });
    await mkdir(shippedPactsDir, { recursive: true });
    for (const file of Object.values(recorded)) await copyFile(file, join(shippedPactsDir, basename(file)));
  }
} catch (error) {
  console.error(`${(error as Error).message}; run \`pnpm turbo run pacts --filter=@vouchspec/conformance\``);
  process.exit(1);
}
