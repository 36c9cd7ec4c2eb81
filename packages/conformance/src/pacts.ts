/**
 * Where the contract lives: a directory of Pact files, one per provider. Files are found by the provider
 * each pact names, so pacts recorded under any consumer name can be verified.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiId } from '@vouchspec/spec';
import type { PactDocument } from './types.js';

/** The pacts recorded in the vouchspec repository and shipped in this package. */
export const shippedPactsDir = fileURLToPath(new URL('../pacts/', import.meta.url));

/** The pact file for each provider in a directory; fails naming the directory when one is missing. */
export async function findPacts(dir: string, providers: readonly ApiId[]): Promise<Record<ApiId, string>> {
  const entries = await readdir(dir).catch((error: Error) => {
    throw new Error(`Cannot read the pacts directory ${dir}: ${error.message}`);
  });
  const found: Partial<Record<ApiId, string>> = {};
  for (const name of entries.filter((entry) => entry.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const provider = (JSON.parse(await readFile(file, 'utf8')) as { provider?: { name?: string } }).provider
      ?.name;
    if (provider && providers.includes(provider as ApiId)) {
      if (found[provider as ApiId])
        throw new Error(`${dir} holds two pacts for ${provider}: ${found[provider as ApiId]} and ${file}`);
      found[provider as ApiId] = file;
    }
  }
  const missing = providers.filter((provider) => !found[provider]);
  if (missing.length > 0) throw new Error(`No pact for ${missing.join(' or ')} in ${dir}`);
  return found as Record<ApiId, string>;
}

export async function readPact(file: string): Promise<PactDocument> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PactDocument;
  } catch (error) {
    throw new Error(`Cannot read pact ${file}: ${(error as Error).message}`);
  }
}

/** The pact of each provider in a directory: the files (for the verifier) and their documents. */
export async function loadPacts(dir: string, providers: readonly ApiId[]) {
  const files = await findPacts(dir, providers);
  const documents = new Map<ApiId, PactDocument>();
  for (const provider of providers) documents.set(provider, await readPact(files[provider]));
  return { files, documents };
}

export type LoadedPacts = Awaited<ReturnType<typeof loadPacts>>;
