/**
 * A real npm registry on localhost: Verdaccio, started from this package's devDependency, with its config
 * and storage in a directory of the caller's. It has no uplinks, so it serves only what the test publishes
 * to it; the project's `.npmrc` sends just the `@vouchspec` scope here and everything else to the usual
 * registry.
 *
 * Verdaccio 6.8 is the last release that runs on Node 20 (6.10 needs Node 22). It warns that it runs as
 * root or on Node 20; both are harmless here.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort, indent, type Server, startServer, tail } from './processes.js';

export interface Registry {
  /** With a trailing slash, as npm wants it: `http://127.0.0.1:<port>/`. */
  url: string;
  pid: number | undefined;
  output(): string;
  stop(): Promise<void>;
}

export class RegistryError extends Error {}

/** Verdaccio answers in 5–40 s on a cold machine; this only bounds a registry that never comes up. */
const startTimeoutMs = 60_000;
/** A port taken between choosing it and Verdaccio binding it (another run did the same) is chosen again. */
const portAttempts = 5;

export async function startRegistry(dir: string, env: NodeJS.ProcessEnv): Promise<Registry> {
  const storage = join(dir, 'storage');
  await mkdir(storage, { recursive: true });
  const config = join(dir, 'config.yaml');
  await writeFile(config, verdaccioConfig(storage, join(dir, 'htpasswd')));

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const server = startServer(
      process.execPath,
      [verdaccioBin(), '--config', config, '--listen', `127.0.0.1:${port}`],
      { cwd: dir, env },
    );
    const outcome = await waitUntilUp(url, server);
    if (outcome === 'up') return { url, pid: server.pid, output: server.output, stop: server.stop };
    await server.stop();
    if (outcome === 'port taken' && attempt < portAttempts) continue;
    const why =
      outcome === 'timeout'
        ? `did not answer GET ${url}-/ping within ${startTimeoutMs / 1000} s`
        : 'exited before answering GET /-/ping';
    throw new RegistryError(
      `Verdaccio (${config}) ${why}; its output:\n${indent(tail(server.output()) || '(none)')}`,
    );
  }
}

function verdaccioConfig(storage: string, htpasswd: string): string {
  // No uplinks and only the @vouchspec scope: the registry holds exactly what this run published.
  return `storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(htpasswd)}
    max_users: -1
uplinks: {}
packages:
  '@vouchspec/*':
    access: $all
    publish: $anonymous $authenticated
web:
  enable: false
log:
  type: stdout
  format: pretty
  level: warn
max_body_size: 50mb
`;
}

function verdaccioBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('verdaccio/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  const path = typeof bin === 'string' ? bin : bin.verdaccio;
  if (!path) throw new RegistryError(`verdaccio's package.json (${manifest}) names no verdaccio bin`);
  return join(dirname(manifest), path);
}

async function waitUntilUp(url: string, server: Server): Promise<'up' | 'exited' | 'port taken' | 'timeout'> {
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) return /EADDRINUSE/.test(server.output()) ? 'port taken' : 'exited';
    if (await answersPing(url)) return exited ? 'exited' : 'up';
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return 'timeout';
}

async function answersPing(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
