import { once } from 'node:events';
import { createServer, type Server, type ServerOptions } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { loadBundle } from '@vouchspec/spec';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiAdapter } from '../../src/api.js';
import { mergeCredentials } from '../../src/credentials.js';
import { HttpError } from '../../src/http.js';
import { requestId } from '../../src/ids.js';
import { createMewsConnectorAdapter } from '../../src/mews-connector/adapter.js';
import { answerClientError, type ErrorBody, readRequestLine } from '../../src/node-errors.js';
import { createVoucherifyAdapter } from '../../src/voucherify/adapter.js';

const credentials = mergeCredentials(undefined);
const voucherify = createVoucherifyAdapter(loadBundle('voucherify'), credentials);
const mews = createMewsConnectorAdapter(loadBundle('mews-connector'), credentials);

/** As the mock builds error responses: the API that owns the path, Voucherify when it is unknown. */
const errorBody: ErrorBody = (status, message, rawPath) => {
  const adapter: ApiAdapter = rawPath !== undefined && mews.owns(rawPath) ? mews : voucherify;
  const id = requestId();
  return adapter.finalize(adapter.errorResponse(new HttpError(status, message), id), id);
};

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

/** A plain Node server whose parser errors are answered by answerClientError, as the mock will wire it. */
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

function parseResponse(raw: Buffer) {
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

const requestIdPattern = expect.stringMatching(/^v-[0-9a-f]{18}$/);

describe('answerClientError', () => {
  it('answers an over-long header with 431 in the Voucherify error body', async () => {
    const { port } = await startServer();
    const raw = await exchange(
      port,
      `GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`,
    );
    const response = parseResponse(raw);
    expect(response.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(response.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      connection: 'close',
    });
    expect(response.body).toEqual({
      code: 431,
      key: 'request_header_fields_too_large',
      message: 'Request header fields too large',
      request_id: requestIdPattern,
    });
  });

  it('answers once, without resetting the client, while a header far over the limit is still arriving', async () => {
    // Node reports each further chunk as another clientError; the answer must not repeat, and the rest of
    // the request must be read, or closing with unread data would reset the client before it reads the 431.
    const { port } = await startServer();
    const raw = await exchange(
      port,
      `GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(4 * 1024 * 1024)}\r\n\r\n`,
    );
    expect(raw.toString('utf8').match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(parseResponse(raw).body).toMatchObject({ code: 431 });
  });

  it('gives fetch the 431 body too', async () => {
    const { port } = await startServer();
    const response = await fetch(`http://127.0.0.1:${port}/v1/customers`, {
      headers: { 'X-Padding': 'a'.repeat(20 * 1024) },
    });
    expect(response.status).toBe(431);
    expect(await response.json()).toMatchObject({ code: 431, key: 'request_header_fields_too_large' });
  });

  it('answers an unknown method with 400 naming it', async () => {
    const { port } = await startServer();
    const response = parseResponse(
      await exchange(port, 'FOO /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 400,
      key: 'invalid_payload',
      message: 'Unknown method FOO',
      request_id: requestIdPattern,
    });
  });

  it('answers a raw 0xFF byte in the path with 400, the path percent-encoded in the message', async () => {
    const { port } = await startServer();
    const request = Buffer.concat([
      Buffer.from('GET /v1/customers/cust_'),
      Buffer.from([0xff]),
      Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
    ]);
    const response = parseResponse(await exchange(port, request));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 400,
      key: 'invalid_payload',
      message:
        'Invalid request path /v1/customers/cust_%FF: percent-encode characters other than printable ASCII',
    });
  });

  it('answers a malformed request on a Mews path in the Mews error body, with its Request-Id header', async () => {
    const { port } = await startServer();
    const response = parseResponse(
      await exchange(
        port,
        'POST /api/connector/v1/voucherCodes/getAll HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n',
      ),
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      Message: 'Malformed request: Invalid header token',
      RequestId: requestIdPattern,
    });
    expect(response.headers['request-id']).toBe(response.body.RequestId);
  });

  it('answers an over-long header on a Mews path in the Mews error body', async () => {
    const { port } = await startServer();
    const response = parseResponse(
      await exchange(
        port,
        `POST /api/connector/v1/voucherCodes/getAll HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`,
      ),
    );
    expect(response.status).toBe(431);
    expect(response.body).toEqual({
      Message: 'Request header fields too large',
      RequestId: requestIdPattern,
    });
  });

  it('answers a request that does not arrive in time with 408', async () => {
    // Node checks for late requests on an interval; small values make it notice at once.
    const { port } = await startServer({
      requestTimeout: 100,
      headersTimeout: 100,
      connectionsCheckingInterval: 20,
    });
    const response = parseResponse(await exchange(port, 'GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    expect(response.body).toEqual({
      code: 408,
      key: 'request_timeout',
      message: 'Request timeout: the request did not arrive in time',
      request_id: requestIdPattern,
    });
  });

  it('answers once when the same socket is reported twice', async () => {
    const { port, accepted } = await startServer();
    const client = connect(port, '127.0.0.1');
    sockets.push(client);
    const chunks: Buffer[] = [];
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = once(client, 'close');
    await once(client, 'connect');
    while (accepted.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const socket = accepted[0] as Socket;
    const error = Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' });
    answerClientError(error, socket, errorBody);
    answerClientError(error, socket, errorBody);
    await closed;
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(parseResponse(Buffer.concat(chunks)).body).toMatchObject({
      message: 'Unknown or malformed request method',
    });
  });

  it('destroys the socket without answering on ECONNRESET', async () => {
    const { port, accepted } = await startServer();
    const client = connect(port, '127.0.0.1');
    sockets.push(client);
    const chunks: Buffer[] = [];
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    client.on('error', () => {});
    const closed = once(client, 'close');
    await once(client, 'connect');
    while (accepted.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const socket = accepted[0] as Socket;
    answerClientError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), socket, errorBody);
    expect(socket.destroyed).toBe(true);
    await closed;
    expect(chunks).toEqual([]);
  });

  it('still answers, in a plain body, when errorBody throws', async () => {
    const { port } = await startServer({}, () => {
      throw new Error('broken errorBody');
    });
    const response = parseResponse(await exchange(port, 'FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: 'Unknown method FOO' });
  });

  it('drops headers from errorBody that would break the response framing', async () => {
    const { port } = await startServer({}, (status, message) => ({
      status,
      body: { message },
      headers: { 'Content-Length': '1', 'X-Evil': 'a\r\nInjected: yes', 'Bad Name': 'x', 'X-Fine': 'ok' },
    }));
    const response = parseResponse(await exchange(port, 'FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    expect(response.headers['x-fine']).toBe('ok');
    expect(Object.keys(response.headers).sort()).toEqual([
      'connection',
      'content-length',
      'content-type',
      'x-fine',
    ]);
  });
});

describe('readRequestLine', () => {
  it.each([
    ['no packet', undefined, undefined],
    ['an empty packet', Buffer.alloc(0), undefined],
    [
      'a whole request',
      Buffer.from('FOO /v1/customers?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n'),
      { method: 'FOO', path: '/v1/customers' },
    ],
    [
      'a request line cut short',
      Buffer.from('GET /api/connector/v1/vou'),
      { method: 'GET', path: '/api/connector/v1/vou' },
    ],
    ['only a method', Buffer.from('GET'), { method: 'GET', path: undefined }],
    [
      'an absolute-form target',
      Buffer.from('GET http://127.0.0.1:4010/v1/customers HTTP/1.1\r\n'),
      { method: 'GET', path: '/v1/customers' },
    ],
    ['an asterisk target', Buffer.from('OPTIONS * HTTP/1.1\r\n'), { method: 'OPTIONS', path: undefined }],
    [
      'control bytes escaped',
      Buffer.from('GET /a\tb\x00c HTTP/1.1\r\n', 'latin1'),
      { method: 'GET', path: '/a%09b%00c' },
    ],
    [
      'the middle of a header block',
      Buffer.from('aaaaaaaaaaaaaaaaaaaa\r\nHost: x\r\n'),
      { method: 'aaaaaaaaaaaaaaaaaaaa', path: undefined },
    ],
    ['binary', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0xff, 0x20, 0x2f]), undefined],
  ])('reads %s', (_name, packet, expected) => {
    expect(readRequestLine(packet)).toEqual(expected);
  });
});
