/** Requests Node's own parser refuses, answered by answerClientError in the error body of the path's API. */
import { type ServerOptions, STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { answerClientError } from '../../src/node-errors.js';
import { errorBody, parseResponse, requestIdPattern, useClientErrorServers } from './client-error-server.js';

const { startServer, exchange, connection } = useClientErrorServers();

const padding = (bytes: number) => `X-Padding: ${'a'.repeat(bytes)}\r\n`;
const mewsGetAll = 'POST /api/connector/v1/voucherCodes/getAll HTTP/1.1\r\nHost: 127.0.0.1\r\n';
/** The status and the Voucherify error body a request is answered with. */
const voucherifyError = (status: number, key: string, message: string) => ({
  status,
  body: { code: status, key, message, request_id: requestIdPattern },
});

interface Refusal {
  what: string;
  request: string | Buffer;
  options?: ServerOptions;
  status: number;
  body: Record<string, unknown>;
}

describe('answerClientError', () => {
  it.each<Refusal>([
    {
      what: 'an over-long header',
      request: `GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n${padding(20 * 1024)}\r\n`,
      ...voucherifyError(431, 'request_header_fields_too_large', 'Request header fields too large'),
    },
    {
      what: 'an unknown method, naming it',
      request: 'FOO /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      ...voucherifyError(400, 'invalid_payload', 'Unknown method FOO'),
    },
    {
      what: 'a raw 0xFF byte in the path, the path percent-encoded in the message',
      request: Buffer.concat([
        Buffer.from('GET /v1/customers/cust_'),
        Buffer.from([0xff]),
        Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
      ]),
      ...voucherifyError(
        400,
        'invalid_payload',
        'Invalid request path /v1/customers/cust_%FF: percent-encode characters other than printable ASCII',
      ),
    },
    {
      what: 'a malformed header on a Mews path, in the Mews body with its Request-Id header',
      request: `${mewsGetAll}Bad Header: x\r\n\r\n`,
      status: 400,
      body: { Message: 'Malformed request: Invalid header token', RequestId: requestIdPattern },
    },
    {
      what: 'an over-long header on a Mews path',
      request: `${mewsGetAll}${padding(20 * 1024)}\r\n`,
      status: 431,
      body: { Message: 'Request header fields too large', RequestId: requestIdPattern },
    },
    {
      what: 'a request that does not arrive in time',
      // Node checks for late requests on an interval; small values make it notice at once.
      options: { requestTimeout: 100, headersTimeout: 100, connectionsCheckingInterval: 20 },
      request: 'GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      ...voucherifyError(408, 'request_timeout', 'Request timeout: the request did not arrive in time'),
    },
  ])('answers $what', async ({ request, status, body, options }) => {
    const { port } = await startServer(options);
    const response = parseResponse(await exchange(port, request));
    expect(response.statusLine).toBe(`HTTP/1.1 ${status} ${STATUS_CODES[status]}`);
    expect(response.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      connection: 'close',
    });
    expect(response.body).toEqual(body);
    expect(response.headers['request-id']).toBe(response.body.RequestId);
  });

  it('answers once, without resetting the client, while a header far over the limit is still arriving', async () => {
    // Node reports each further chunk as another clientError; the answer must not repeat, and the rest of
    // the request must be read, or closing with unread data would reset the client before it reads the 431.
    const { port } = await startServer();
    const raw = await exchange(
      port,
      `GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n${padding(4 * 1024 * 1024)}\r\n`,
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

  it('answers once when the same socket is reported twice', async () => {
    const { socket, received, closed } = await connection();
    const error = Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' });
    answerClientError(error, socket, errorBody);
    answerClientError(error, socket, errorBody);
    await closed;
    expect(
      received()
        .toString('utf8')
        .match(/HTTP\/1\.1 /g),
    ).toHaveLength(1);
    expect(parseResponse(received()).body).toMatchObject({ message: 'Unknown or malformed request method' });
  });

  it('destroys the socket without answering on ECONNRESET', async () => {
    const { socket, received, closed } = await connection();
    answerClientError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), socket, errorBody);
    expect(socket.destroyed).toBe(true);
    await closed;
    expect(received()).toHaveLength(0);
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
