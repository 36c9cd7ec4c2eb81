/**
 * Builds the static docs site into `dist/`: a landing page and one Redoc reference page per API, with
 * Redoc's scripts inlined so that no page loads anything from another host.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ApiId, apiIds, bundleFile, listOperations, loadBundle } from '@vouchspec/spec';
import { landingPage } from '../src/landing.js';

const distDir = new URL('../dist/', import.meta.url).pathname;
const redocly = join(
  dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
  'bin/cli.js',
);

function buildReference(api: ApiId): void {
  const { info } = loadBundle(api);
  const result = spawnSync(
    process.execPath,
    [
      redocly,
      'build-docs',
      bundleFile(api),
      '--inlineBundle',
      '--title',
      `${info.title} — vouchspec`,
      '-o',
      join(distDir, `${api}.html`),
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`redocly build-docs failed for ${api}:\n${result.stdout}${result.stderr}`);
}

await rm(distDir, { recursive: true, force: true });
await mkdir(distDir, { recursive: true });
for (const api of apiIds) buildReference(api);
await writeFile(
  join(distDir, 'index.html'),
  landingPage(apiIds.map((api) => ({ api, doc: loadBundle(api), operations: listOperations(api) }))),
);
console.log(`docs: built ${apiIds.length + 1} pages into ${distDir}`);
