#!/usr/bin/env node
/** `vouchspec-mock` (`pnpm mock` in the repository): serves both APIs on one port until interrupted. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { parseJson } from './pipeline/json.js';
import { proxyOptions, proxyUsage, runProxy } from './proxy/cli.js';
import { startMockServer } from './server.js';

const usage = `Usage: vouchspec-mock [options]

Serves the Voucherify and Mews Connector APIs from the vouchspec bundles, with in-memory state.

Options:
  --port <n>            Port to listen on (env VOUCHSPEC_MOCK_PORT; default 4010; 0 picks a free port)
  --host <addr>         Address to bind (env VOUCHSPEC_MOCK_HOST; default 127.0.0.1)
  --seed <file>         JSON file of initial data, as accepted by POST /__admin/seed
  --credentials <file>  Accept only these credentials (strict mode, one world), merged over the placeholders, e.g.
                        {"voucherify": {"X-App-Id": "…", "X-App-Token": "…"}, "mews-connector": {"AccessToken": "…"}}
                        Without it any well-formed credentials pass, each set in its own world, except
                        values beginning with "invalid", which are always refused
  --max-worlds <n>      Most worlds held at once, the default world included (default 64)
  --world-idle-minutes <n>
                        How long a world must be unused before a new one may replace it (default 10)
  --max-state-mb <n>    Most the stored state may hold, in MiB of JSON (default 128); growing past it is a 413
  --admin-host <name>   Also accept this Host name on the admin endpoints (repeatable); IP addresses and
                        localhost names are always accepted
  --quiet               No per-request log lines
  -v, --version         Print the version
  -h, --help            Show this help

Admin endpoints (not part of either API): POST /__admin/reset, POST /__admin/seed, GET /__admin/state
(each on the world X-Vouchspec-World or the credential headers name, else the default world),
GET /__admin/worlds, GET /__admin/operations. Browsers cannot use them: pages of other origins and Host names that are not IP
addresses or localhost are refused.`;

function readJson(file: string, what: string): unknown {
  try {
    return parseJson(readFileSync(file));
  } catch (error) {
    throw new Error(`Cannot read ${what} file ${file}: ${(error as Error).message}`);
  }
}

function parseMegabytes(raw: string): number {
  const megabytes = Number(raw);
  if (!Number.isInteger(megabytes) || megabytes < 1 || megabytes > 1024 * 1024)
    throw new Error(`Invalid --max-state-mb "${raw}": use a whole number of MiB from 1`);
  return megabytes * 1024 * 1024;
}

function parseWholeNumber(option: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`Invalid ${option} "${raw}": use a whole number from 1`);
  return value;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port "${raw}": use 0–65535`);
  return port;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      credentials: { type: 'string' },
      'max-state-mb': { type: 'string' },
      'max-worlds': { type: 'string' },
      'world-idle-minutes': { type: 'string' },
      'admin-host': { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
      version: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...proxyOptions,
    },
  });
  if (values.help) {
    console.log(`${usage}\n${proxyUsage}`);
    return;
  }
  if (values.version) {
    console.log(createRequire(import.meta.url)('../package.json').version);
    return;
  }
  if (values.proxy !== undefined) {
    return runProxy(
      { ...values, proxy: values.proxy },
      {
        port: parsePort(values.port ?? process.env.VOUCHSPEC_MOCK_PORT ?? '4010'),
        host: values.host ?? process.env.VOUCHSPEC_MOCK_HOST ?? '127.0.0.1',
        quiet: values.quiet,
      },
    );
  }
  const server = await startMockServer({
    port: parsePort(values.port ?? process.env.VOUCHSPEC_MOCK_PORT ?? '4010'),
    host: values.host ?? process.env.VOUCHSPEC_MOCK_HOST ?? '127.0.0.1',
    seed: values.seed ? readJson(values.seed, 'seed') : undefined,
    credentials: values.credentials ? readJson(values.credentials, 'credentials') : undefined,
    maxStateBytes: values['max-state-mb'] ? parseMegabytes(values['max-state-mb']) : undefined,
    maxWorlds: values['max-worlds'] ? parseWholeNumber('--max-worlds', values['max-worlds']) : undefined,
    worldIdleMs: values['world-idle-minutes']
      ? parseWholeNumber('--world-idle-minutes', values['world-idle-minutes']) * 60_000
      : undefined,
    adminHosts: values['admin-host'],
    onLog: values.quiet ? undefined : (line) => console.log(line),
  });
  const stateful = server.operations.filter((o) => o.stateful).length;
  console.log(
    `vouchspec mock server listening on ${server.where} — ${server.operations.length} operations ` +
      `(${stateful} stateful, ${server.operations.length - stateful} from examples). Ctrl-C to stop.`,
  );
  if (server.warning) console.error(`warning: ${server.warning}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`mock: ${error.message}`);
  process.exit(1);
});
