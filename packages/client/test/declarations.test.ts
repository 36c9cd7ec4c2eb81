/**
 * The published declarations stand alone: they inline the spec's types rather than importing
 * `@vouchspec/spec`, so a user of the client installs nothing else for its types.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';

it.each(['index.d.ts', 'index.d.cts'])('dist/%s imports only openapi-fetch', async (file) => {
  const declarations = await readFile(new URL(`../dist/${file}`, import.meta.url), 'utf8');
  const specifiers = [
    ...declarations.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm),
    ...declarations.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map(([, specifier]) => specifier);
  expect(new Set(specifiers)).toEqual(new Set(['openapi-fetch']));
  expect(declarations).toContain('interface paths');
});
