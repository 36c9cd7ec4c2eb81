import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** When the request finished arriving (ms, performance clock). */
  at: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (until the server closes): for timeouts and aborts that must not depend on timing. */
  hold?: boolean;
  /**
   * Send the status and headers, then this start of the body, and never the rest (until the server closes):
   * a body that stalls. With a `Content-Length` header the body has that length, without one it is chunked.
   */
  stall?: string;
  /** Drop the connection instead of answering (a network error for the client). */
  destroy?: boolean;
}

export type Responder = (request: RecordedRequest, index: number) => Reply;

/**
 * A real HTTP server on a free loopback port that records every request and answers from a list of
 * replies (the last one repeats) or a function, so tests observe exactly the bytes the client put on the
 * wire and drive retries, delays and dropped connections for real.
 */
export async function startRecordingServer(replies: Reply[] | Responder = [{ status: 200, body: {} }]) {
  const requests: RecordedRequest[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const respond: Responder =
    typeof replies === 'function'
      ? replies
      : (_, index) => replies[Math.min(index, replies.length - 1)] as Reply;
  /** Connections that have carried a request and are still open. */
  const sockets = new Set<Socket>();
  const released: (() => void)[] = [];
  const server = createServer((req, res) => {
    if (!sockets.has(req.socket)) {
      sockets.add(req.socket);
      req.socket.on('close', () => {
        sockets.delete(req.socket);
        if (!sockets.size) for (const resolve of released.splice(0)) resolve();
      });
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: performance.now(),
      };
      const reply = respond(recorded, requests.length);
      requests.push(recorded);
      for (const waiter of waiting.filter((w) => requests.length >= w.count)) waiter.resolve();
      if (reply.hold) return;
      const send = () => {
        if (reply.destroy) {
          req.socket.destroy();
          return;
        }
        if (reply.stall !== undefined) {
          res.writeHead(reply.status, reply.headers);
          // The headers go out now even when no byte of the body follows.
          res.flushHeaders();
          if (reply.stall) res.write(reply.stall);
          return;
        }
        const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...reply.headers,
        });
        res.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Resolves once `count` requests have fully arrived: synchronisation instead of guessed delays. */
    received: (count: number) =>
      new Promise<void>((resolve) => {
        if (requests.length >= count) resolve();
        else waiting.push({ count, resolve });
      }),
    /**
     * Resolves once every connection that carried a request is closed: the client has let go of the
     * sockets of the responses it abandoned halfway. (Undici may also open spare connections that never
     * carry a request; those are not counted.)
     */
    released: () =>
      new Promise<void>((resolve) => {
        if (sockets.size) released.push(resolve);
        else resolve();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
