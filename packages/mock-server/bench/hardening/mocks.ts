/**
 * Mock processes: each mock runs as the built CLI (`node dist/cli.js --quiet`) in its own process, so the
 * measuring client never shares an event loop with the server, and every one is killed when this process
 * ends, however it ends. Requests go over node:http, which does less client work per request than fetch,
 * so the server's share shows.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { appKeys, freePort } from '../support.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(packageDir, 'dist/cli.js');

const children = new Set<ChildProcess>();
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export function killAll(): void {
  for (const child of children) child.kill('SIGKILL');
}

/** What the mocks wrote to stderr (a bug answered 500 is logged there), to report. */
const mockStderr: string[] = [];

/** What the mocks wrote to stderr, each distinct line once with how often, for the results. */
export function stderrNote(): string {
  const counts = new Map<string, number>();
  for (const line of mockStderr.join('').split('\n')) {
    const text = line.replace(/\(node:\d+\) /, '').trim();
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  if (counts.size === 0) return '';
  const lines = [...counts].map(([text, count]) => (count > 1 ? `${text} (×${count})` : text));
  return `\nThe mocks wrote to stderr during the run:\n\n\`\`\`\n${lines.join('\n').slice(0, 2000)}\n\`\`\`\n`;
}

/**
 * Runs a benchmark against the built mock: its error ends the run with exit code 1, and every mock process
 * is killed however it ends.
 */
export async function runBenchmark(main: () => Promise<void>): Promise<void> {
  try {
    checkBuild();
    await main();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    killAll();
  }
}

/** Throws when there is no build to run, and warns when the sources are newer than it. */
export function checkBuild(): void {
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: run \`pnpm --filter @vouchspec/mock-server build\` first`);
  const built = statSync(cli).mtimeMs;
  const newer = (readdirSync(join(packageDir, 'src'), { recursive: true }) as string[]).filter(
    (file) => file.endsWith('.ts') && statSync(join(packageDir, 'src', file)).mtimeMs > built,
  );
  if (newer.length > 0)
    console.warn(
      `warning: src/ has changed since dist/ was built (${newer.slice(0, 3).join(', ')}…); ` +
        'run `pnpm --filter @vouchspec/mock-server build` to measure the current code',
    );
}

export interface Mock {
  name: string;
  url: string;
  port: number;
  /** One keep-alive connection, for the sequential requests the benchmark times. */
  agent: Agent;
  stop(): Promise<void>;
}

/** Starts a mock process (with any further CLI options, e.g. `--proxy <url>`) and resolves once it answers. */
export async function startMock(name: string, options: readonly string[] = []): Promise<Mock> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, '--port', String(port), '--quiet', ...options], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    for (const line of text.split('\n')) if (line.trim()) mockStderr.push(`[${name}] ${line}\n`);
    process.stderr.write(`[mock ${name}] ${text}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const mock: Mock = {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    agent,
    async stop() {
      agent.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`mock ${name} exited with ${child.exitCode}`);
    try {
      await call(mock, 'GET', '/__admin/operations');
      return mock;
    } catch (error) {
      if (attempt >= 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface Reply {
  status: number;
  body: Buffer;
}

/** One request on the mock's keep-alive connection, with the application keys unless it is an admin one. */
export function call(mock: Mock, method: string, path: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = path.startsWith('/__admin/') ? {} : { ...appKeys };
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: mock.port, method, path, headers, agent: mock.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', reject);
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

export async function expectStatus(reply: Promise<Reply>, status: number, what: string): Promise<Reply> {
  const got = await reply;
  if (got.status !== status)
    throw new Error(`${what}: expected ${status}, got ${got.status}: ${got.body.toString().slice(0, 300)}`);
  return got;
}

/** One timed request; throws unless it is answered 200. */
export async function timedGet(mock: Mock, path: string): Promise<number> {
  const started = performance.now();
  const reply = await call(mock, 'GET', path);
  const elapsed = performance.now() - started;
  if (reply.status !== 200) throw new Error(`GET ${path} on ${mock.name}: ${reply.status}`);
  return elapsed;
}
