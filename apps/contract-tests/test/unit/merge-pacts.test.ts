import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mergePactParts } from '../../src/merge-pacts.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouchspec-merge-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const interaction = (description: string, state?: string) => ({
  description,
  ...(state ? { providerStates: [{ name: state }] } : {}),
  request: { method: 'GET', path: '/' },
  response: { status: 200 },
});

async function part(name: string, provider: string, interactions: unknown[]) {
  await mkdir(join(dir, '.parts', name), { recursive: true });
  const pact = { consumer: { name: 'c' }, provider: { name: provider }, interactions, metadata: { v: 4 } };
  await writeFile(join(dir, '.parts', name, `c-${provider}.json`), JSON.stringify(pact));
}

it('joins the parts of each provider into one pact, in description order, and removes the parts', async () => {
  await part('a', 'voucherify', [interaction('getB: one'), interaction('getA: two', 'x')]);
  await part('b', 'voucherify', [interaction('getA: two', 'y'), interaction('getC: three')]);
  await part('c', 'mews-connector', [interaction('getAll: one')]);
  const written = await mergePactParts(join(dir, '.parts'), dir);
  expect(written.map((file) => file.slice(dir.length + 1)).sort()).toEqual([
    'c-mews-connector.json',
    'c-voucherify.json',
  ]);
  const voucherify = JSON.parse(await readFile(join(dir, 'c-voucherify.json'), 'utf8'));
  expect(voucherify.interactions.map((i: { description: string }) => i.description)).toEqual([
    'getA: two',
    'getA: two',
    'getB: one',
    'getC: three',
  ]);
  expect(voucherify.interactions[0].providerStates).toEqual([{ name: 'x' }]);
  expect(voucherify.metadata).toEqual({ v: 4 });
  expect(await readdir(dir)).not.toContain('.parts');
});

it('refuses two files recording the same interaction', async () => {
  await part('a', 'voucherify', [interaction('getA: one')]);
  await part('b', 'voucherify', [interaction('getA: one')]);
  await expect(mergePactParts(join(dir, '.parts'), dir)).rejects.toThrow(/two test files record "getA: one"/);
});
