import { mkdir, rm } from 'node:fs/promises';
import { mergePactParts } from '../../src/merge-pacts.js';
import { pactPartsDir, pactsDir } from '../../src/pact.js';

/**
 * Every recording starts from an empty directory (Pact merges into existing files), and ends with the test
 * files' parts merged into one pact per provider.
 */
export default async function setup() {
  await rm(pactsDir, { recursive: true, force: true });
  await mkdir(pactPartsDir, { recursive: true });
  return async function teardown() {
    await mergePactParts(pactPartsDir, pactsDir);
  };
}
