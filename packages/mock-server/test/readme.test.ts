/** The README is what users read on the registry: it must name every credential value the mock accepts. */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { defaultCredentials } from '../src/credentials.js';

it('lists every placeholder credential the mock accepts by default', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const values = Object.values(defaultCredentials).flatMap((api) => Object.values(api));
  expect(values.length).toBeGreaterThanOrEqual(7);
  expect(values.filter((value) => !readme.includes(`\`${value}\``))).toEqual([]);
});
