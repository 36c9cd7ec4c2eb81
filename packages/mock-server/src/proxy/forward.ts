/**
 * Sends a request on to the upstream as it came (method, path, query, headers, body bytes; only `Host` is
 * the upstream's, as HTTP requires) and collects the answer. The request body streams through while up to
 * `keepBytes` of it is kept for validation; the response body is kept whole up to `keepBytes`, and beyond it
 * streams on unvalidated. A refused, reset or TLS-failed connection is a 502, no answer in time a 504.
 */
import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface Upstream {
  url: URL;
  timeoutMs: number;
  keepBytes: number;
  agent: HttpAgent;
}

export type Forwarded =
  | {
      kind: 'response';
      status: number;
      rawHeaders: string[];
      headers: IncomingHttpHeaders;
      /** The whole body, or its first `keepBytes` when `rest` streams the remainder. */
      body: Buffer;
      rest?: IncomingMessage;
      /** `undefined` when the request body was larger than `keepBytes`. */
      requestBody: Buffer | undefined;
    }
  | { kind: 'gateway-error'; status: 502 | 504; reason: string };

// Hop-by-hop headers describe one connection, not the message; every other header passes unchanged.
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'upgrade', 'trailer']);

export function createAgent(url: URL): HttpAgent {
  return url.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
}

export function forward(upstream: Upstream, req: IncomingMessage): Promise<Forwarded> {
  const { url, keepBytes } = upstream;
  const headers: string[] = [];
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index] as string;
    const lower = name.toLowerCase();
    if (lower === 'host') headers.push(name, url.host);
    else if (!hopByHop.has(lower)) headers.push(name, req.rawHeaders[index + 1] as string);
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send({
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || undefined,
    method: req.method,
    path: url.pathname.replace(/\/$/, '') + (req.url ?? '/'),
    headers,
    agent: upstream.agent,
  });
  const requestBody = new Keeper(keepBytes);
  const keepRequest = (chunk: Buffer) => {
    if (!requestBody.add(chunk)) req.off('data', keepRequest);
  };
  req.on('data', keepRequest);
  req.pipe(outgoing);

  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Forwarded) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (status: 502 | 504, reason: string) => {
      outgoing.destroy();
      req.unpipe(outgoing);
      req.resume();
      settle({ kind: 'gateway-error', status, reason });
    };
    const timer = setTimeout(
      () => fail(504, `the upstream did not answer within ${upstream.timeoutMs} ms`),
      upstream.timeoutMs,
    );
    outgoing.on('error', (error) => fail(502, describeNetworkError(error as NodeJS.ErrnoException)));
    outgoing.on('response', (response) => {
      const body = new Keeper(keepBytes);
      const answer = (rest?: IncomingMessage) =>
        settle({
          kind: 'response',
          status: response.statusCode ?? 502,
          rawHeaders: filterRaw(response.rawHeaders),
          headers: response.headers,
          body: body.bytes(),
          requestBody: requestBody.complete ? requestBody.bytes() : undefined,
          ...(rest ? { rest } : {}),
        });
      const onData = (chunk: Buffer) => {
        if (body.add(chunk)) return;
        // Over the limit: what is kept goes out first, the rest streams from here on.
        response.off('data', onData).pause();
        answer(response);
      };
      response.on('data', onData);
      response.on('end', () => answer());
      response.on('error', (error) => fail(502, describeNetworkError(error as NodeJS.ErrnoException)));
    });
  });
}

function filterRaw(raw: string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < raw.length; index += 2)
    if (!hopByHop.has((raw[index] as string).toLowerCase()))
      out.push(raw[index] as string, raw[index + 1] as string);
  return out;
}

/** Says what went wrong on the way to the upstream, by Node's error code, without any request data. */
export function describeNetworkError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return 'the upstream refused the connection (ECONNREFUSED)';
  if (code === 'ECONNRESET' || error.message === 'socket hang up')
    return `the upstream reset the connection (${code || 'socket hang up'})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `the upstream's host name did not resolve (${code})`;
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return `the upstream could not be reached (${code})`;
  if (
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/.test(code) ||
    /SSL|TLS/.test(error.message)
  )
    return `TLS failure talking to the upstream (${code || 'TLS'})`;
  return `the connection to the upstream failed (${code || 'network error'})`;
}

/** Keeps a stream's chunks until they pass `limit` (the chunk that passes it included); `add` says whether within. */
class Keeper {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  add(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.size += chunk.length;
    return this.complete;
  }
  /** Whether everything seen fit within the limit. */
  get complete(): boolean {
    return this.size <= this.limit;
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
