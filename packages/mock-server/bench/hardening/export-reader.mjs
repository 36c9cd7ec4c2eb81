// Worker thread of the export measure: reads the whole state export when told to, then parses it, so the
// main thread only times requests. Reports `ready`, `read` (status, bytes, times) and `parsed`, or `error`.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

parentPort.once('message', () => {
  const started = performance.now();
  let firstByte;
  const req = http.get(workerData.url, (res) => {
    const chunks = [];
    let bytes = 0;
    res.on('data', (chunk) => {
      if (firstByte === undefined) firstByte = performance.now() - started;
      chunks.push(chunk);
      bytes += chunk.length;
    });
    res.on('error', (error) => parentPort.postMessage({ type: 'error', error: String(error) }));
    res.on('end', () => {
      const ms = performance.now() - started;
      parentPort.postMessage({ type: 'read', status: res.statusCode, bytes, ms, firstByte });
      try {
        const state = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        parentPort.postMessage({ type: 'parsed', customers: state.voucherify.customers.length });
      } catch (error) {
        parentPort.postMessage({ type: 'parsed', error: String(error) });
      }
    });
  });
  req.on('error', (error) => parentPort.postMessage({ type: 'error', error: String(error) }));
});
parentPort.postMessage({ type: 'ready' });
