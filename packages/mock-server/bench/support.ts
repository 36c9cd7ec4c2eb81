/** What both benchmarks of the mock share: the placeholder keys, a free port, and their place in BENCHMARKS.md. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleFile } from '@vouchspec/spec';
import { defaultCredentials } from '../src/credentials.js';

export const appKeys = {
  'X-App-Id': defaultCredentials.voucherify['X-App-Id'],
  'X-App-Token': defaultCredentials.voucherify['X-App-Token'],
};

/** A loopback port nothing listens on at the moment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The opening words of a section: when, on what machine, with which Node. */
export function recordedOn(): string {
  const cpus = os.cpus();
  return `Recorded ${new Date().toISOString().slice(0, 10)} on ${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}`;
}

/**
 * Puts a section into the repository's BENCHMARKS.md between its `<!-- name:start -->` and `<!-- name:end -->`
 * markers (which `section` carries), or appends it under `heading` the first time.
 */
export async function recordSection(name: string, heading: string, section: string): Promise<void> {
  const file = new URL('../../../BENCHMARKS.md', import.meta.url);
  const current = await readFile(file, 'utf8');
  const marker = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  await writeFile(
    file,
    marker.test(current)
      ? current.replace(marker, () => section)
      : `${current.trimEnd()}\n\n## ${heading}\n\n${section}\n`,
  );
}

async function waitUntilUp(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}

/** The built mock or Stoplight Prism (serving the Voucherify bundle) in a process of its own, once it answers. */
export async function startServer(name: 'mock' | 'prism') {
  const port = await freePort();
  const [command, ...args] =
    name === 'prism'
      ? [
          fileURLToPath(new URL('../node_modules/.bin/prism', import.meta.url)),
          'mock',
          bundleFile('voucherify'),
          '-p',
          String(port),
          '-v',
          'silent',
        ]
      : [
          process.execPath,
          fileURLToPath(new URL('../dist/cli.js', import.meta.url)),
          '--port',
          String(port),
          '--quiet',
        ];
  const child = spawn(command as string, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return { url, stop: () => child.kill() };
}
