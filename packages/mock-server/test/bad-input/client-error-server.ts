/**
 * Plain Node servers whose parser errors are answered by answerClientError, as the mock wires it, and raw
 * sockets to send them what no HTTP client would.
 */
import { once } from 'node:events';
import { createServer, type Server, type ServerOptions } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { loadBundle } from '@vouchspec/spec';
import { afterEach, expect } from 'vitest';
import type { ApiAdapter } from '../../src/api.js';
import { credentialPolicy } from '../../src/credentials.js';
import { HttpError } from '../../src/http.js';
import { requestId } from '../../src/ids.js';
import { createMewsConnectorAdapter } from '../../src/mews-connector/adapter.js';
import { answerClientError, type ErrorBody } from '../../src/node-errors.js';
import { createVoucherifyAdapter } from '../../src/voucherify/adapter.js';

const credentials = credentialPolicy(undefined);
const voucherify = createVoucherifyAdapter(loadBundle('voucherify'), credentials);
const mews = createMewsConnectorAdapter(loadBundle('mews-connector'), credentials);

/** As the mock builds error responses: the API that owns the path, Voucherify when it is unknown. */
export const errorBody: ErrorBody = (status, message, rawPath) => {
  const adapter: ApiAdapter = rawPath !== undefined && mews.owns(rawPath) ? mews : voucherify;
  const id = requestId();
  return adapter.finalize(adapter.errorResponse(new HttpError(status, message), id), id);
};

export const requestIdPattern = expect.stringMatching(/^v-[0-9a-f]{18}$/);

/** Servers and sockets for one test file, closed after each test. */
export function useClientErrorServers() {
  const servers: Server[] = [];
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  });

  /** A server whose handler must never run; `accepted` holds the server side of each connection. */
  async function startServer(options: ServerOptions = {}, body: ErrorBody = errorBody) {
    const server = createServer(options, (_req, res) => {
      res.writeHead(200).end('the handler should not see this request');
    });
    servers.push(server);
    const accepted: Socket[] = [];
    server.on('connection', (socket: Socket) => {
      sockets.push(socket);
      accepted.push(socket);
    });
    server.on('clientError', (error, socket) => answerClientError(error, socket as Socket, body));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { port: (server.address() as AddressInfo).port, accepted };
  }

  /** Sends raw bytes and resolves with everything the server wrote before closing. */
  async function exchange(port: number, request: Buffer | string): Promise<Buffer> {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.write(request);
    await new Promise<void>((resolve, reject) => {
      socket.once('close', () => resolve());
      socket.once('error', reject);
    });
    return Buffer.concat(chunks);
  }

  /**
   * A connection the test holds both ends of: the client socket, what it receives, and the server's
   * socket, to hand to answerClientError directly.
   */
  async function connection() {
    const { port, accepted } = await startServer();
    const client = connect(port, '127.0.0.1');
    sockets.push(client);
    const chunks: Buffer[] = [];
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    client.on('error', () => {});
    const closed = once(client, 'close');
    await once(client, 'connect');
    while (accepted.length === 0) await new Promise((resolve) => setImmediate(resolve));
    return { socket: accepted[0] as Socket, received: () => Buffer.concat(chunks), closed };
  }

  return { startServer, exchange, connection };
}

/** A complete response, its framing checked: head, headers, and a body as long as its Content-Length. */
export function parseResponse(raw: Buffer) {
  const text = raw.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  expect(split, `a complete response head in ${JSON.stringify(text.slice(0, 200))}`).toBeGreaterThan(0);
  const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
  expect(status, statusLine).not.toBeNull();
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = text.slice(split + 4);
  expect(Buffer.byteLength(body)).toBe(Number(headers['content-length']));
  return { status: Number(status?.[1]), statusLine, headers, body: body ? JSON.parse(body) : undefined };
}
