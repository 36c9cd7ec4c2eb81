/** Serves the built site from `dist/` on localhost; shared by `pnpm docs:serve` and the browser test. */
import { access } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export const distDir = new URL('../dist/', import.meta.url).pathname;

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

export async function serveSite(options: { port?: number; host?: string } = {}): Promise<SiteServer> {
  await access(`${distDir}index.html`).catch(() => {
    throw new Error(`${distDir} has no site: build it first with \`pnpm run docs\``);
  });
  const files = sirv(distDir, { dev: false, etag: true, extensions: ['html'] });
  const server: Server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
