/** `pnpm docs:serve [--port 4173] [--host 127.0.0.1]`: serves the built docs site until interrupted. */
import { parseArgs } from 'node:util';
import { serveSite } from '../src/server.js';

const usage = 'Usage: pnpm docs:serve [--port <number, default 4173>] [--host <address, default 127.0.0.1>]';

try {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not "${values.port}"`);
  const site = await serveSite({ port, host: values.host });
  console.log(
    `docs: serving ${site.url}/ (landing), ${site.url}/voucherify.html, ${site.url}/mews-connector.html — Ctrl+C to stop`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void site.close().then(() => process.exit(0)));
} catch (error) {
  console.error(`docs:serve: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
