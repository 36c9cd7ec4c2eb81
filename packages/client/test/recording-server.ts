import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A real HTTP server on a free loopback port that records every request and answers from a queue of
 * replies (the last reply repeats), so tests observe exactly the bytes the client put on the wire.
 */
export async function startRecordingServer(replies: Reply[] = [{ status: 200, body: {} }]) {
  const requests: RecordedRequest[] = [];
  const queue = [...replies];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      const reply = (queue.length > 1 ? queue.shift() : queue[0]) as Reply;
      const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...reply.headers,
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
