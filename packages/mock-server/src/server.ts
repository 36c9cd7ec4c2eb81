import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type ApiId, apiIds, listOperations, loadBundle, type OpenApiDocument } from '@vouchspec/spec';
import { SchemaValidator } from '@vouchspec/spec/validation';
import { type Admin, handleAdmin } from './admin/endpoints.js';
import { credentialPolicy, type MockCredentials } from './credentials.js';
import { HttpError, type PreparedResponse } from './http.js';
import { requestId as newRequestId } from './ids.js';
import { describeListening } from './listening.js';
import { createMewsConnectorAdapter } from './mews-connector/adapter.js';
import { answerClientError } from './node-errors.js';
import { type CompiledOperation, compileOperation } from './operations.js';
import { formatBytes } from './pipeline/act.js';
import { handleRequest, type Pipeline } from './pipeline/handle-request.js';
import { defaultMaxJsonDepth } from './pipeline/json.js';
import { createRouter } from './pipeline/route.js';
import { applySeed } from './seed.js';
import { clearState, type MockState } from './state.js';
import { createVoucherifyAdapter } from './voucherify/adapter.js';
import { worldChooser } from './worlds/choose.js';
import { defaultWorldLimits, Worlds } from './worlds/registry.js';

export interface MockServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Address to bind (default 127.0.0.1); anything but loopback makes `warning` say so. */
  host?: string;
  /**
   * Credentials to accept, merged over the placeholders; given, the mock is strict (only these values pass,
   * one world). Without them any well-formed credentials pass, each set in its own world.
   */
  credentials?: unknown;
  /** Most worlds held at once, the default world included (default 64). */
  maxWorlds?: number;
  /** How long a world must be unused before a new world may replace it, in ms (default 10 minutes). */
  worldIdleMs?: number;
  /** Data to load at start, as accepted by `POST /__admin/seed`. */
  seed?: unknown;
  /** Called once per request with a one-line summary. */
  onLog?: (line: string) => void;
  /** Check every response against the spec and answer 500 when one does not match (for tests). */
  validateResponses?: boolean;
  /** Largest request body accepted, in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** Deepest nesting of objects and arrays accepted in a JSON body (default 64). */
  maxJsonDepth?: number;
  /** Most the stored state may hold, in bytes of JSON (default 128 MiB); a request that would grow it further gets a 413. */
  maxStateBytes?: number;
  /** Host names the admin endpoints accept besides IP addresses and localhost names. */
  adminHosts?: readonly string[];
  /**
   * Say on every response that this is a vouchspec mock (the `Vouchspec-Mock` header, with the version), so
   * tools such as the conformance suite can use its admin endpoints (default true). `false` makes it look
   * like the vendor's server, to rehearse a run against a real account.
   */
  identify?: boolean;
}

/** The response header by which a vouchspec mock identifies itself; its value is the mock's version. */
export const mockIdentityHeader = 'Vouchspec-Mock';
const mockVersion: string = createRequire(import.meta.url)('../package.json').version;

export const defaultLimits = {
  maxBodyBytes: 10 * 1024 * 1024,
  maxJsonDepth: defaultMaxJsonDepth,
  maxStateBytes: 128 * 1024 * 1024,
};

export interface MockServer {
  /** A base URL that reaches the mock from this machine. */
  url: string;
  port: number;
  /** What is bound, for a "listening on" line. */
  where: string;
  /** Present when the mock is reachable from other machines. */
  warning?: string;
  /** The default world's state: the one the placeholder credentials address. */
  state: MockState;
  /** The values strict mode accepts; the placeholders, which address the default world, otherwise. */
  credentials: MockCredentials;
  /** Whether only `credentials` pass (started with credentials) rather than any well-formed ones. */
  strictCredentials: boolean;
  /** A world's state by name (as `GET /__admin/worlds` lists them), created when new. */
  world(name: string): MockState;
  operations: CompiledOperation[];
  /** Empties the default world. */
  reset(): void;
  /** Loads records into the default world. */
  seed(data: unknown): Record<string, number>;
  close(): Promise<void>;
}

const adapterFactories = {
  voucherify: createVoucherifyAdapter,
  'mews-connector': createMewsConnectorAdapter,
};

let shared: { docs: Record<ApiId, OpenApiDocument>; validator: SchemaValidator } | undefined;

/**
 * Compiling validators is most of a mock's start-up. They hold no state, so every mock in a process shares
 * one set per loaded spec (test suites start many).
 */
function sharedValidator(docs: Record<ApiId, OpenApiDocument>): SchemaValidator {
  if (!shared || apiIds.some((api) => shared?.docs[api] !== docs[api]))
    shared = { docs, validator: new SchemaValidator(docs) };
  return shared.validator;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // Set-up: spec, validators, one adapter per API, the routes, the state.
  const limits = {
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes, defaultLimits.maxBodyBytes),
    maxJsonDepth: positiveInteger('maxJsonDepth', options.maxJsonDepth, defaultLimits.maxJsonDepth),
    maxStateBytes: positiveInteger('maxStateBytes', options.maxStateBytes, defaultLimits.maxStateBytes),
  };
  const policy = credentialPolicy(options.credentials);
  const worlds = new Worlds({
    maxWorlds: positiveInteger('maxWorlds', options.maxWorlds, defaultWorldLimits.maxWorlds),
    worldIdleMs: positiveInteger('worldIdleMs', options.worldIdleMs, defaultWorldLimits.worldIdleMs),
  });
  const docs = Object.fromEntries(apiIds.map((api) => [api, loadBundle(api)])) as Record<
    ApiId,
    OpenApiDocument
  >;
  const validator = sharedValidator(docs);
  const adapters = apiIds.map((api) => adapterFactories[api](docs[api], policy));
  const operations = adapters.flatMap((adapter) =>
    listOperations(adapter.id, adapter.doc).map((op) => compileOperation(op, adapter, validator)),
  );
  const state = worlds.default;
  const world = worldChooser(worlds, policy);
  const router = createRouter(operations, adapters);
  const pipeline: Pipeline = {
    router,
    world,
    limits,
    responseValidators: options.validateResponses
      ? new Map(operations.map((c) => [c, validator.responseValidators(c.op)]))
      : undefined,
    headers: options.identify === false ? {} : { [mockIdentityHeader]: mockVersion },
  };

  /** Seeds a world all or nothing, within the state limit. */
  const seedWorld = (target: MockState, data: unknown) =>
    target.journal.atomically(() => {
      const counts = applySeed(target, validator, data);
      if (target.journal.bytes > limits.maxStateBytes) {
        throw new HttpError(
          413,
          `Seed: the data takes the state past its limit of ${formatBytes(limits.maxStateBytes)} (maxStateBytes, --max-state-mb)`,
        );
      }
      return counts;
    });
  const resetWorld = (target: MockState) => target.journal.atomically(() => clearState(target));
  const seed = (data: unknown) => seedWorld(state, data);
  const reset = () => resetWorld(state);
  if (options.seed !== undefined) seed(options.seed);
  const admin: Admin = {
    world,
    worlds: () => worlds.list(),
    operations,
    access: { allowedHosts: options.adminHosts },
    ...limits,
    reset: resetWorld,
    seed: seedWorld,
  };

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    let response: PreparedResponse;
    let operation: string | undefined;
    try {
      const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
      if (pathname.startsWith('/__admin/'))
        response = await handleAdmin(admin, (req.method ?? 'GET').toUpperCase(), pathname, req);
      else ({ response, operation } = await handleRequest(pipeline, req));
    } catch (error) {
      // Only a bug gets here (the pipeline answers every failure of a request); say so rather than hang.
      console.error(error);
      response = { status: 500, headers: {}, payload: undefined };
    }
    await send(res, { ...response, headers: { ...response.headers, ...pipeline.headers } });
    options.onLog?.(
      `${req.method} ${req.url} ${response.status} ${(performance.now() - started).toFixed(1)}ms` +
        (operation ? ` ${operation}` : ''),
    );
  }

  const server: Server = createServer((req, res) => {
    void onRequest(req, res);
  });
  server.keepAliveTimeout = 5000;
  server.on('clientError', (error, socket) =>
    answerClientError(error, socket as Socket, (status, message, rawPath) => {
      const adapter = router.apiOf(rawPath ?? '/');
      const response = adapter.errorResponse(new HttpError(status, message), newRequestId());
      return adapter.finalize(response, newRequestId());
    }),
  );
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const listening = describeListening(options.host ?? '127.0.0.1', port);

  return {
    url: listening.url,
    port,
    where: listening.where,
    ...(listening.warning ? { warning: listening.warning } : {}),
    state,
    credentials: policy.values,
    strictCredentials: policy.strict,
    world: (name) => worlds.use(name),
    operations,
    reset,
    seed,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}

/** Writes a prepared response; a streamed payload goes out chunk by chunk, as the socket takes it. */
async function send(res: ServerResponse, response: PreparedResponse): Promise<void> {
  const { status, headers, payload } = response;
  if (payload === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  if (typeof payload === 'string') {
    res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(payload)) }).end(payload);
    return;
  }
  res.writeHead(status, headers);
  try {
    for await (const chunk of payload) {
      if (res.destroyed) return;
      // A client that stops reading holds the export here, not in memory; one that goes away ends it.
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
    res.end();
  } catch (error) {
    console.error(error);
    res.destroy(error as Error);
  }
}

/** Resolves when the socket takes more data or goes away, leaving no listener behind either way. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}
