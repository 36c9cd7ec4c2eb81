import { mkdir, rm } from 'node:fs/promises';
import { pactsDir } from '../../src/pact.js';

/** Pact merges into existing files, so every consumer run starts from an empty directory. */
export default async function setup() {
  await rm(pactsDir, { recursive: true, force: true });
  await mkdir(pactsDir, { recursive: true });
}
