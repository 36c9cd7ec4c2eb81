import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleWorld } from './fixtures/world.js';

// The built bin, as `vouchspec-mock` runs it for users (turbo builds before testing).
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

/** Starts `vouchspec-mock` and resolves once it says where it listens (or rejects when it exits). */
function start(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      // Loopback prints the URL itself; a wider bind prints what is bound, then the URL from this machine.
      const url = /listening on (?:.*?from this machine )?(http:\/\/[^\s,]+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  // Only a caller that awaits `listening` cares whether the program came up.
  listening.catch(() => {});
  return { listening, output: () => output, exited: new Promise<number | null>((r) => child.on('exit', r)) };
}

describe('vouchspec-mock (the CLI)', () => {
  it('loads a seed file and a credentials file, and logs one line per request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vouchspec-cli-'));
    try {
      await writeFile(join(dir, 'seed.json'), JSON.stringify(exampleWorld()));
      await writeFile(
        join(dir, 'credentials.json'),
        JSON.stringify({ voucherify: { 'X-App-Token': 'cli-token' } }),
      );
      const server = start([
        '--port',
        '0',
        '--seed',
        join(dir, 'seed.json'),
        '--credentials',
        join(dir, 'credentials.json'),
      ]);
      const url = await server.listening;
      const headers = { 'X-App-Id': 'mock-app-id', 'X-App-Token': 'cli-token' };
      const res = await fetch(`${url}/v1/customers/cust_6S8qOP0ZU3ryDQuYhGbwBsvr`, { headers });
      expect(res.status).toBe(200);
      const refused = await fetch(`${url}/v1/customers/cust_6S8qOP0ZU3ryDQuYhGbwBsvr`, {
        headers: { ...headers, 'X-App-Token': 'mock-app-token' },
      });
      expect(refused.status).toBe(401);
      await expect
        .poll(() => server.output())
        .toMatch(/GET \/v1\/customers\/cust_6S8qOP0ZU3ryDQuYhGbwBsvr 401 [\d.]+ms voucherify:getCustomer/);
      expect(server.output()).toMatch(
        /GET \/v1\/customers\/cust_6S8qOP0ZU3ryDQuYhGbwBsvr 200 [\d.]+ms voucherify:getCustomer/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad options with a clear message and exit code 1', async () => {
    const badPort = start(['--port', 'eighty']);
    expect(await badPort.exited).toBe(1);
    expect(badPort.output()).toContain('mock: Invalid port "eighty": use 0–65535');
    const missingSeed = start(['--port', '0', '--seed', '/nonexistent/seed.json']);
    expect(await missingSeed.exited).toBe(1);
    expect(missingSeed.output()).toContain('mock: Cannot read seed file /nonexistent/seed.json');
  });

  it('says when it listens beyond loopback, and warns', async () => {
    const server = start(['--port', '0', '--host', '0.0.0.0', '--quiet']);
    const url = await server.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).toMatch(/listening on every IPv4 interface \(0\.0\.0\.0:\d+\)/);
    await expect.poll(() => server.output()).toMatch(/^warning: .*other machines/m);
    expect((await fetch(`${url}/__admin/operations`)).status).toBe(200);
  });

  it('prints no warning on loopback', async () => {
    const server = start(['--port', '0', '--quiet']);
    expect(await server.listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).not.toMatch(/warning/);
  });

  it('lists the world options in --help and applies them', async () => {
    const help = start(['--help']);
    await help.exited;
    expect(help.output()).toMatch(/--max-worlds <n> .*\n\s+--world-idle-minutes <n>/);
    // One world allowed: the default world is all there is, so a new key set is refused.
    const url = await start(['--port', '0', '--quiet', '--max-worlds', '1']).listening;
    const res = await fetch(`${url}/v1/customers`, { headers: { 'X-App-Id': 'a', 'X-App-Token': 't' } });
    expect(res.status).toBe(503);
    const bad = start(['--port', '0', '--world-idle-minutes', 'soon']);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('mock: Invalid --world-idle-minutes "soon"');
  });

  it('refuses a nonsensical state limit', async () => {
    const bad = start(['--port', '0', '--max-state-mb', '0.5']);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('mock: Invalid --max-state-mb "0.5"');
  });
});
