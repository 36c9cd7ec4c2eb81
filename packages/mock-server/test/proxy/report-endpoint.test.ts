/** The proxy's own endpoint, `/__proxy/report`, and bodies too large to keep for validation. */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startValidatingProxy, type ValidatingProxy } from '../../src/proxy/start.js';
import { secretHeaders, startUpstream, type TestUpstream } from './upstreams.js';

const large = Buffer.alloc(11 * 1024 * 1024, 'x');
let upstream: TestUpstream;
let proxy: ValidatingProxy;
let reportDir: string;

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(large);
  });
  reportDir = await mkdtemp(join(tmpdir(), 'vouchspec-proxy-report-'));
  proxy = await startValidatingProxy({ upstream: upstream.url, reportDir });
});

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

it('streams a body over 10 MiB through whole, saying it was not validated', async () => {
  const answer = await fetch(`${proxy.url}/v1/customers/cust_1`, { headers: secretHeaders });
  expect(answer.headers.get('Vouchspec-Drift')).toBe('0; body over 10 MiB, not validated');
  expect(Buffer.from(await answer.arrayBuffer()).equals(large)).toBe(true);
});

it('returns the report on GET, and writes it too on POST', async () => {
  const read = await fetch(`${proxy.url}/__proxy/report`);
  expect(await read.json()).toMatchObject({ upstream: upstream.url, calls: 1, violations: 0 });
  expect(await readdir(reportDir)).toEqual([]);
  const written = await fetch(`${proxy.url}/__proxy/report`, { method: 'POST' });
  expect(await written.json()).toMatchObject({
    calls: 1,
    files: [join(reportDir, 'drift.json'), expect.any(String), expect.any(String)],
  });
  expect((await readdir(reportDir)).sort()).toEqual(['drift-junit.xml', 'drift.json', 'drift.md']);
  expect((await fetch(`${proxy.url}/__proxy/report`, { method: 'DELETE' })).status).toBe(405);
});
