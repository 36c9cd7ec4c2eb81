/**
 * Requests Node's HTTP parser rejects (headers over its limit, an unknown method, bytes not allowed in the
 * path) never reach the mock's handler: Node emits `'clientError'` on the server and, left alone, answers
 * a bare 400/431 with no body. A client of either API expects that vendor's error body, so this answers
 * them on the socket in that body instead.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** Builds the vendor's error response; `rawPath` (when readable) tells which API the request was for. */
export type ErrorBody = (
  status: number,
  message: string,
  rawPath: string | undefined,
) => { status: number; body?: unknown; headers?: Record<string, string> };

type ClientError = NodeJS.ErrnoException & { rawPacket?: Buffer };

/** Sockets already answered: Node may report the same broken request again when more of it arrives. */
const answered = new WeakSet<Socket>();

/** How long an answered socket may stay open for the client to read the answer and close its side. */
const lingerMs = 2000;

/** A `'clientError'` listener body: answers `error` on `socket` in the vendor's error body. Never throws. */
export function answerClientError(error: ClientError, socket: Socket, errorBody: ErrorBody): void {
  try {
    if (answered.has(socket)) return;
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    // Nothing to say on a dead socket, and writing after a response has started would corrupt it.
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const requestLine = readRequestLine(error.rawPacket);
    const { status, message } = classify(error, requestLine);
    answered.add(socket);
    socket.end(serialize(status, message, requestLine?.path, errorBody));
    // end() sends the answer then FIN, and reading continues, so the client is not reset before it has
    // read the answer; a client that never closes its side is cut off after a while.
    socket.setTimeout(lingerMs, () => socket.destroy());
  } catch {
    socket.destroy();
  }
}

function classify(
  error: ClientError,
  { method, path }: { method?: string; path?: string } = {},
): { status: number; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: 'Request header fields too large' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, message: 'Payload too large: chunk extensions exceed the limit' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'Request timeout: the request did not arrive in time' };
    case 'HPE_INVALID_METHOD':
      return {
        status: 400,
        message: method ? `Unknown method ${method}` : 'Unknown or malformed request method',
      };
    case 'HPE_INVALID_URL':
      return {
        status: 400,
        message: `Invalid request path${path ? ` ${path}` : ''}: percent-encode characters other than printable ASCII`,
      };
    default: {
      // Node's reason ("Invalid header token") is fixed text from its parser, safe to pass on.
      const { reason } = error as { reason?: unknown };
      return { status: 400, message: `Malformed request${typeof reason === 'string' ? `: ${reason}` : ''}` };
    }
  }
}

/**
 * The method and path of the request line at the start of `rawPacket`, when it has one. The packet is the
 * chunk Node was parsing, so it may be absent, start mid-request, be cut short or be binary; the path comes
 * back with bytes outside printable ASCII percent-encoded, so it is safe to log and to echo.
 */
export function readRequestLine(
  rawPacket: Buffer | undefined,
): { method?: string; path?: string } | undefined {
  if (!Buffer.isBuffer(rawPacket) || rawPacket.length === 0) return undefined;
  // A request line longer than this is not one the mock could route anyway.
  const head = rawPacket.subarray(0, 16 * 1024);
  const end = head.indexOf('\n');
  const line = head
    .subarray(0, end < 0 ? head.length : end)
    .toString('latin1')
    .replace(/\r$/, '');
  const [method, target] = line.split(' ');
  if (!method || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/.test(method)) return undefined;
  return { method, path: target ? pathOf(target) : undefined };
}

function pathOf(target: string): string | undefined {
  let path = target;
  // Absolute form (`GET http://host/path`), as sent to proxies.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path);
  if (absolute) path = path.slice(absolute[0].length) || '/';
  if (!path.startsWith('/')) return undefined;
  path = path.split(/[?#]/, 1)[0] as string;
  let escaped = '';
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    escaped += code > 0x20 && code < 0x7f ? path[i] : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

function serialize(
  status: number,
  message: string,
  rawPath: string | undefined,
  errorBody: ErrorBody,
): string {
  let response: ReturnType<ErrorBody>;
  try {
    response = errorBody(status, message, rawPath);
  } catch {
    response = { status, body: { message } };
  }
  const code =
    Number.isInteger(response.status) && response.status >= 100 && response.status <= 999
      ? response.status
      : status;
  let payload = '';
  if (response.body !== undefined && code !== 204 && code !== 304) {
    try {
      payload = JSON.stringify(response.body) ?? '';
    } catch {
      payload = JSON.stringify({ message });
    }
  }
  const lines = [
    `HTTP/1.1 ${code} ${STATUS_CODES[code] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(payload)}`,
    'Connection: close',
  ];
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    // Ours describe the framing; a name or value that could split the response is dropped.
    if (/^(content-type|content-length|connection|transfer-encoding)$/i.test(name)) continue;
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(String(value))) continue;
    lines.push(`${name}: ${String(value)}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n${payload}`;
}
