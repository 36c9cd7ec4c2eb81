/** `vouchspec-mock --proxy`: the built bin forwards, and writes the drift report when it is stopped. */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { secretHeaders, startUpstream } from './upstreams.js';

const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const upstream = await startUpstream((req, res) => {
  req.resume();
  res.writeHead(204).end();
});
afterAll(() => upstream.close());

it('forwards, and writes the drift report on SIGTERM', async () => {
  const reportDir = await mkdtemp(join(tmpdir(), 'vouchspec-proxy-cli-'));
  const args = [bin, '--proxy', upstream.url, '--port', '0', '--report-dir', reportDir];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const found = /listening on (http:\/\/\S+),/.exec(output)?.[1];
      if (found) resolve(found);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const answer = await fetch(`${url}/v1/customers/cust_1`, { method: 'DELETE', headers: secretHeaders });
  expect(answer.status).toBe(204);
  expect(answer.headers.get('Vouchspec-Drift')).toBe('0');
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect((await readdir(reportDir)).sort()).toEqual(['drift-junit.xml', 'drift.json', 'drift.md']);
  const report = JSON.parse(await readFile(join(reportDir, 'drift.json'), 'utf8'));
  expect(report).toMatchObject({ calls: 1, conforming: 1, violations: 0 });
  expect(output).toContain('DELETE /v1/customers/cust_1 204 voucherify:deleteCustomer drift=0');
  expect(Object.values(secretHeaders).filter((secret) => output.includes(secret))).toEqual([]);
});
