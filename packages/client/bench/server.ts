/** Benchmark peer: answers every request with the spec's documented customer, over keep-alive HTTP. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findOperation, firstExample, loadBundle } from '@vouchspec/spec';

const op = findOperation('voucherify', 'getCustomer');
const body = JSON.stringify(
  firstExample(loadBundle('voucherify'), op.responses['200']?.content?.['application/json']),
);
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
