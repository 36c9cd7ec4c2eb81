/**
 * The validating proxy: forwards every request to an upstream (a vendor sandbox, or a mock), answers with the
 * upstream's response unchanged plus a `Vouchspec-Drift` header, and records each exchange's violations of
 * the spec in the drift report. `/__admin/*` goes through unchecked (a mock's admin endpoints are no API);
 * `/__proxy/report` is the proxy's own.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiId, apiIds, loadBundle } from '@vouchspec/spec';
import { SchemaValidator } from '@vouchspec/spec/validation';
import type { ApiAdapter } from '../api.js';
import { credentialPolicy } from '../credentials.js';
import { HttpError } from '../http.js';
import { requestId as newRequestId } from '../ids.js';
import { describeListening } from '../listening.js';
import { createMewsConnectorAdapter } from '../mews-connector/adapter.js';
import { prepare } from '../pipeline/handle-request.js';
import { createVoucherifyAdapter } from '../voucherify/adapter.js';
import { createExchangeChecker, type Violation } from './check-exchange.js';
import { credentialValues } from './credential-values.js';
import { createAgent, type Forwarded, forward } from './forward.js';
import { createDriftRecorder, type DriftReport, describeViolation } from './report.js';

export interface ValidatingProxyOptions {
  /** Where requests go, e.g. `https://api.voucherify.io` or a mock's URL; a path prefix is kept. */
  upstream: string;
  port?: number;
  host?: string;
  /** Which API the requests are checked against; `auto` (default) tells by path, as the mock does. */
  api?: ApiId | 'auto';
  /** How long the upstream has to answer before the caller gets a 504 (default 30000). */
  upstreamTimeoutMs?: number;
  /** Where `POST /__proxy/report` writes the reports (default `./vouchspec-drift`). */
  reportDir?: string;
  /** Called once per request with a one-line summary (credentials redacted). */
  onLog?: (line: string) => void;
}

export interface ValidatingProxy {
  url: string;
  where: string;
  warning?: string;
  report(): DriftReport;
  /** Writes drift.json, drift.md and drift-junit.xml into `dir` (default: the `reportDir` option). */
  writeReports(dir?: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The response header that carries an exchange's number of violations and the first of them. */
export const driftHeader = 'Vouchspec-Drift';
/** How much of each body is kept for validation; larger bodies stream through unchecked. */
const keepBytes = 10 * 1024 * 1024;

export async function startValidatingProxy(options: ValidatingProxyOptions): Promise<ValidatingProxy> {
  const upstreamUrl = new URL(options.upstream);
  if (!/^https?:$/.test(upstreamUrl.protocol))
    throw new Error(`upstream must be an http(s) URL: ${options.upstream}`);
  const upstream = {
    url: upstreamUrl,
    timeoutMs: options.upstreamTimeoutMs ?? 30_000,
    keepBytes,
    agent: createAgent(upstreamUrl),
  };
  const reportDir = options.reportDir ?? 'vouchspec-drift';
  // The adapters give gateway errors the vendor's error body; their credentials are never checked here.
  const credentials = credentialPolicy(undefined);
  const adapters: Record<ApiId, ApiAdapter> = {
    voucherify: createVoucherifyAdapter(loadBundle('voucherify'), credentials),
    'mews-connector': createMewsConnectorAdapter(loadBundle('mews-connector'), credentials),
  };
  const documents = apiIds.map((api) => adapters[api].doc);
  const validator = new SchemaValidator(Object.fromEntries(apiIds.map((api) => [api, adapters[api].doc])));
  const checkExchange = createExchangeChecker(validator, adapters);
  const recorder = createDriftRecorder(recorderName(upstreamUrl));
  recorder.remember([decodeURIComponent(upstreamUrl.username), decodeURIComponent(upstreamUrl.password)]);
  const apiOf = (pathname: string): ApiId =>
    options.api && options.api !== 'auto'
      ? options.api
      : (apiIds.find((api) => adapters[api].owns(pathname)) ?? 'voucherify');

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const [pathname = '/', search = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
    if (pathname === '/__proxy/report') return answerReport(method, res);
    const api = apiOf(pathname);
    // Known before anything is logged, so that even a gateway error's log line cannot carry them.
    recorder.remember(credentialValues(documents, req.headers, undefined));
    const forwarded = await forward(upstream, req);
    if (forwarded.kind === 'gateway-error') {
      recorder.upstreamError();
      options.onLog?.(recorder.redact(`${method} ${pathname} ${forwarded.status} ${forwarded.reason}`));
      return sendGatewayError(res, adapters[api], forwarded);
    }
    let violations: Violation[] = [];
    let operation = 'admin';
    if (!pathname.startsWith('/__admin/')) {
      recorder.remember(credentialValues(documents, {}, forwarded.requestBody));
      const checked = await checkExchange({
        api,
        method,
        pathname,
        search,
        requestHeaders: req.headers,
        requestBody: forwarded.requestBody,
        status: forwarded.status,
        responseHeaders: forwarded.headers,
        responseBody: forwarded.rest ? undefined : forwarded.body,
      });
      violations = checked.violations;
      operation = checked.operation ? `${api}:${checked.operation.operationId}` : 'undocumented';
      recorder.record(operation, violations);
    }
    const drift = forwarded.rest
      ? `${violations.length}; body over 10 MiB, not validated`
      : summary(violations);
    res.writeHead(forwarded.status, [
      ...forwarded.rawHeaders,
      driftHeader,
      headerSafe(recorder.redact(drift)),
    ]);
    res.write(forwarded.body);
    if (forwarded.rest) forwarded.rest.pipe(res).on('error', () => res.destroy());
    else res.end();
    options.onLog?.(
      recorder.redact(`${method} ${pathname} ${forwarded.status} ${operation} drift=${violations.length}`),
    );
  }

  function answerReport(method: string, res: ServerResponse) {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(body));
    if (method === 'GET') return json(200, recorder.report());
    if (method !== 'POST') return json(405, { message: 'Use GET or POST' }, { Allow: 'GET, POST' });
    return recorder.write(reportDir).then(
      (files) => json(200, { ...recorder.report(), files }),
      (error: Error) => json(500, { message: `Cannot write the drift report: ${error.message}` }),
    );
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      // Only a bug gets here: answer rather than hang, and say so.
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const listening = describeListening(options.host ?? '127.0.0.1', (server.address() as AddressInfo).port);
  return {
    url: listening.url,
    where: listening.where,
    ...(listening.warning ? { warning: listening.warning } : {}),
    report: () => recorder.report(),
    writeReports: (dir = reportDir) => recorder.write(dir),
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
        upstream.agent.destroy();
      }),
  };
}

function sendGatewayError(
  res: ServerResponse,
  adapter: ApiAdapter,
  error: Extract<Forwarded, { kind: 'gateway-error' }>,
) {
  const requestId = newRequestId();
  const title = error.status === 504 ? 'Gateway timeout' : 'Bad gateway';
  const failure = new HttpError(error.status, title, `vouchspec proxy: ${error.reason}.`);
  const prepared = prepare(
    { headers: {} },
    adapter.finalize(adapter.errorResponse(failure, requestId), requestId),
  );
  res.writeHead(prepared.status, prepared.headers).end(prepared.payload as string);
}

/** `0` for a clean exchange, else the count and the first violation (a header is one short line). */
function summary(violations: readonly Violation[]): string {
  const [first] = violations;
  if (!first) return '0';
  const more = violations.length > 1 ? ` (+${violations.length - 1} more)` : '';
  return `${violations.length}; ${describeViolation(first)}${more}`.slice(0, 512);
}

/** Header values must be visible ASCII; anything else (an enum's non-ASCII value, say) becomes `?`. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}

/** The upstream without user info, for the report's title. */
function recorderName(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
}
