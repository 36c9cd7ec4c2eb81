import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type ApiId, apiIds, listOperations, loadBundle, type OpenApiDocument } from '@vouchspec/spec';
import { describeFailure, SchemaValidator } from '@vouchspec/spec/validation';
import FindMyWay from 'find-my-way';
import { parse as parseQueryString } from 'qs';
import type { ApiAdapter } from './api.js';
import { createMewsConnectorAdapter } from './apis/mews-connector.js';
import { createVoucherifyAdapter } from './apis/voucherify.js';
import { type MockCredentials, mergeCredentials } from './credentials.js';
import { HttpError, type MockResponse } from './http.js';
import { requestId as newRequestId } from './ids.js';
import { multipartForValidation, parseMultipart } from './multipart.js';
import { type CompiledOperation, compileOperation } from './operations.js';
import { applySeed, exportState } from './seed.js';
import { clearState, createState, type MockState } from './state.js';

export interface MockServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Credentials to accept instead of the public defaults (partial objects are merged). */
  credentials?: unknown;
  /** Data to load at start, as accepted by `POST /__admin/seed`. */
  seed?: unknown;
  /** Called once per request with a one-line summary. */
  onLog?: (line: string) => void;
  /** Check every response against the spec and answer 500 when one does not match (for tests). */
  validateResponses?: boolean;
  /** Largest request body accepted, in bytes (default 10 MiB). */
  maxBodyBytes?: number;
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

export interface MockServer {
  url: string;
  port: number;
  state: MockState;
  credentials: MockCredentials;
  operations: CompiledOperation[];
  reset(): void;
  seed(data: unknown): Record<string, number>;
  close(): Promise<void>;
}

const adapterFactories = {
  voucherify: createVoucherifyAdapter,
  'mews-connector': createMewsConnectorAdapter,
};
const methods = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

interface Outcome {
  response: MockResponse;
  compiled?: CompiledOperation;
  adapter?: ApiAdapter;
}

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

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const credentials = mergeCredentials(options.credentials);
  const docs = Object.fromEntries(apiIds.map((api) => [api, loadBundle(api)])) as Record<
    ApiId,
    ReturnType<typeof loadBundle>
  >;
  const validator = sharedValidator(docs);
  const adapters = apiIds.map((api) => adapterFactories[api](docs[api], credentials));
  const state = createState();
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;

  const router = FindMyWay({ ignoreTrailingSlash: true });
  const operations: CompiledOperation[] = [];
  for (const adapter of adapters) {
    for (const op of listOperations(adapter.id, adapter.doc)) {
      const compiled = compileOperation(op, adapter, validator);
      operations.push(compiled);
      router.on(op.method.toUpperCase() as 'GET', op.path.replace(/\{([^}]+)\}/g, ':$1'), () => {}, {
        compiled,
      });
    }
  }
  const responseValidators = new Map(
    options.validateResponses ? operations.map((c) => [c, validator.responseValidators(c.op)] as const) : [],
  );
  if (options.seed !== undefined) applySeed(state, validator, options.seed);

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBodyBytes)
        throw new HttpError(413, 'Payload too large', `The body exceeds ${maxBodyBytes} bytes.`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function parseBody(compiled: CompiledOperation, req: IncomingMessage, raw: Buffer): Promise<unknown> {
    const requestBody = compiled.op.requestBody;
    if (!requestBody) return undefined;
    if (raw.length === 0) {
      if (requestBody.required) throw new HttpError(400, 'Invalid payload', 'A request body is required.');
      return undefined;
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const accepted = Object.keys(requestBody.content);
    if (!accepted.includes(mediaType)) {
      throw new HttpError(
        400,
        'Invalid payload',
        `Content-Type ${mediaType || '(none)'} is not accepted; send ${accepted.join(' or ')}.`,
      );
    }
    if (mediaType === 'multipart/form-data')
      return parseMultipart(raw, req.headers['content-type'] as string);
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch (error) {
      throw new HttpError(400, 'Invalid payload', `The body is not valid JSON: ${(error as Error).message}`);
    }
  }

  function collectParameters(compiled: CompiledOperation, search: string, req: IncomingMessage) {
    const flat = new URLSearchParams(search);
    const nested = compiled.queryParameters.some((p) => p.deepObject)
      ? parseQueryString(search, { depth: 10, arrayLimit: 1000 })
      : {};
    const query: Record<string, unknown> = {};
    for (const { name, deepObject, array } of compiled.queryParameters) {
      // Names such as `created_at[before]` are literal, so they are read from the flat parse.
      const value = deepObject ? nested[name] : array ? flat.getAll(name) : flat.get(name);
      if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
        query[name] = value;
    }
    const header: Record<string, unknown> = {};
    for (const name of compiled.headerParameters) {
      const value = req.headers[name];
      if (value !== undefined) header[name] = value;
    }
    return { query, header };
  }

  function validateParameters(
    compiled: CompiledOperation,
    values: Record<'path' | 'query' | 'header', Record<string, unknown>>,
  ) {
    for (const location of ['path', 'query', 'header'] as const) {
      const validate = compiled.validators[location];
      if (validate && !validate(values[location])) {
        throw new HttpError(400, 'Invalid payload', describeFailure(location, validate.errors).message);
      }
    }
  }

  async function dispatch(req: IncomingMessage, requestId: string): Promise<Outcome> {
    const method = (req.method ?? 'GET').toUpperCase();
    const [pathname = '/', search = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
    if (pathname.startsWith('/__admin/')) return { response: await admin(method, pathname, req) };
    const match = router.find(method as 'GET', pathname);
    if (!match) {
      const adapter = adapters.find((a) => a.owns(pathname)) ?? (adapters[0] as ApiAdapter);
      req.resume();
      const allowed = methods.filter((m) => m !== method && router.find(m, pathname));
      if (allowed.length > 0) {
        const error = new HttpError(
          405,
          'Method not allowed',
          `${method} is not supported on ${pathname}; use ${allowed.join(', ')}.`,
        );
        const response = adapter.errorResponse(error, requestId);
        return {
          adapter,
          response: { ...response, headers: { ...response.headers, Allow: allowed.join(', ') } },
        };
      }
      return {
        adapter,
        response: adapter.errorResponse(
          new HttpError(404, 'Resource not found', `No operation ${method} ${pathname}.`),
          requestId,
        ),
      };
    }
    const { compiled } = match.store as { compiled: CompiledOperation };
    const { adapter, op } = compiled;
    try {
      if (adapter.credentialsIn === 'headers') {
        const denied = adapter.authenticate(op, req.headers, undefined);
        if (denied) {
          req.resume();
          throw denied;
        }
      }
      const body = await parseBody(compiled, req, await readBody(req));
      if (adapter.credentialsIn === 'body') {
        const denied = adapter.authenticate(op, req.headers, body);
        if (denied) throw denied;
      }
      const { query, header } = collectParameters(compiled, search, req);
      const path = { ...(match.params as Record<string, string>) };
      validateParameters(compiled, { path, query, header });
      if (body !== undefined) {
        const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const validate = compiled.validators.body.get(mediaType);
        const validated = mediaType === 'multipart/form-data' ? multipartForValidation(body as never) : body;
        if (validate && !validate(validated)) {
          throw new HttpError(400, 'Invalid payload', describeFailure('body', validate.errors).message);
        }
      }
      const response = await compiled.handler({
        op,
        params: { path, query, header },
        headers: req.headers,
        body,
        requestId,
        state,
      });
      return { compiled, adapter, response };
    } catch (error) {
      if (error instanceof HttpError)
        return { compiled, adapter, response: adapter.errorResponse(error, requestId) };
      throw error;
    }
  }

  async function admin(method: string, pathname: string, req: IncomingMessage): Promise<MockResponse> {
    const route = `${method} ${pathname}`;
    try {
      switch (route) {
        case 'POST /__admin/reset':
          req.resume();
          clearState(state);
          return { status: 204 };
        case 'POST /__admin/seed': {
          const raw = await readBody(req);
          let data: unknown;
          try {
            data = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new HttpError(400, 'Seed: the body is not valid JSON');
          }
          return { status: 200, body: { seeded: applySeed(state, validator, data) } };
        }
        case 'GET /__admin/state':
          return { status: 200, body: exportState(state) };
        case 'GET /__admin/operations':
          return {
            status: 200,
            body: operations.map(({ op, stateful }) => ({
              api: op.api,
              operationId: op.operationId,
              method: op.method.toUpperCase(),
              path: op.path,
              behaviour: stateful ? 'stateful' : 'example',
            })),
          };
        default:
          req.resume();
          return { status: 404, body: { error: `No admin endpoint ${route}` } };
      }
    } catch (error) {
      if (error instanceof HttpError) return { status: error.status, body: { error: error.message } };
      throw error;
    }
  }

  /** In validating mode, a response that breaks the spec becomes a 500 naming the mismatch. */
  function checkResponse(outcome: Outcome, requestId: string): MockResponse {
    const { response, compiled, adapter } = outcome;
    const validators = compiled && responseValidators.get(compiled);
    if (!validators || !adapter) return response;
    const documented = validators.get(String(response.status));
    if (!documented) {
      return adapter.errorResponse(
        new HttpError(500, `Mock produced undocumented status ${response.status}`),
        requestId,
      );
    }
    const validate = documented.get('application/json');
    if (validate && !validate(response.body)) {
      const failure = describeFailure('response', validate.errors);
      return adapter.errorResponse(
        new HttpError(500, `Mock response breaks the spec: ${failure.message}`),
        requestId,
      );
    }
    if (!validate && response.body !== undefined) {
      return adapter.errorResponse(
        new HttpError(500, `Mock sent a body for bodiless status ${response.status}`),
        requestId,
      );
    }
    return response;
  }

  function send(res: ServerResponse, response: MockResponse) {
    const headers: Record<string, string> = { ...response.headers };
    if (options.identify !== false) headers[mockIdentityHeader] = mockVersion;
    if (response.body === undefined || response.status === 204) {
      res.writeHead(response.status, headers).end();
      return;
    }
    const payload = JSON.stringify(response.body);
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
    res.writeHead(response.status, headers).end(payload);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const requestId = newRequestId();
    let outcome: Outcome;
    try {
      outcome = await dispatch(req, requestId);
      outcome = { ...outcome, response: checkResponse(outcome, requestId) };
    } catch (error) {
      // A bug in the mock, never a reaction to input: report it rather than hide it.
      const adapter = adapters.find((a) => a.owns(req.url ?? '/')) ?? (adapters[0] as ApiAdapter);
      console.error(error);
      outcome = {
        adapter,
        response: adapter.errorResponse(
          new HttpError(500, `Mock failure: ${(error as Error).message}`),
          requestId,
        ),
      };
    }
    const { adapter, compiled } = outcome;
    const response = adapter
      ? adapter.finalize(outcome.response, requestId, compiled?.op, req.headers)
      : outcome.response;
    send(res, response);
    options.onLog?.(
      `${req.method} ${req.url} ${response.status} ${(performance.now() - started).toFixed(1)}ms` +
        (compiled ? ` ${compiled.op.api}:${compiled.op.operationId}` : ''),
    );
  }

  const server: Server = createServer((req, res) => {
    void onRequest(req, res);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    state,
    credentials,
    operations,
    reset: () => clearState(state),
    seed: (data) => applySeed(state, validator, data),
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}
