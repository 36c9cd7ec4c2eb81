/**
 * A drifting upstream: each answer breaks the spec in one way (a renamed field, a wrong type, an
 * undocumented status, a missing required header). The report must list exactly those four, and no
 * credential may appear in the reports, the `Vouchspec-Drift` header or the log lines.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestExample, responseExample } from '@vouchspec/spec';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startValidatingProxy, type ValidatingProxy } from '../../src/proxy/start.js';
import { secretHeaders, secretMewsTokens, startUpstream, type TestUpstream } from './upstreams.js';

const json = { 'Content-Type': 'application/json' };
let upstream: TestUpstream;
let proxy: ValidatingProxy;
const logs: string[] = [];

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    req.resume();
    const route = `${req.method} ${req.url}`;
    if (route === 'GET /v1/customers/cust_1') {
      const { summary, ...customer } = responseExample<Record<string, unknown>>(
        'voucherify',
        'getCustomer',
        200,
      );
      res.writeHead(200, json).end(JSON.stringify({ ...customer, customer_summary: summary }));
    } else if (route === 'GET /v1/customers') {
      const list = responseExample<Record<string, unknown>>('voucherify', 'listCustomers', 200);
      res.writeHead(200, json).end(JSON.stringify({ ...list, total: String(list.total) }));
    } else if (route === 'DELETE /v1/customers/cust_1') {
      res.writeHead(200).end();
    } else {
      // The getAll answer as documented, but without its required Request-Id header.
      res
        .writeHead(200, json)
        .end(JSON.stringify(responseExample('mews-connector', 'getAllVoucherCodes', 200)));
    }
  });
  proxy = await startValidatingProxy({ upstream: upstream.url, onLog: (line) => logs.push(line) });
});

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${proxy.url}${path}`, {
    method,
    headers: {
      ...secretHeaders,
      ...(body ? json : {}),
      Authorization: `Bearer ${secretHeaders['X-App-Token']}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

it('reports exactly the four drifts, each with its pointer and the spec expectation', async () => {
  const answers = await Promise.all([
    call('GET', '/v1/customers/cust_1'),
    call('GET', '/v1/customers'),
    call('DELETE', '/v1/customers/cust_1'),
    call('POST', '/api/connector/v1/voucherCodes/getAll', {
      ...requestExample<Record<string, unknown>>('mews-connector', 'getAllVoucherCodes'),
      ...secretMewsTokens,
    }),
  ]);
  expect(answers.map((a) => a.headers.get('Vouchspec-Drift')?.split(';')[0])).toEqual(['1', '1', '1', '1']);
  const report = proxy.report();
  expect(report).toMatchObject({ calls: 4, conforming: 0, violations: 4, upstreamErrors: 0 });
  expect(report.operations).toEqual([
    {
      operation: 'mews-connector:getAllVoucherCodes',
      calls: 1,
      conforming: 0,
      violations: [
        {
          in: 'response.header',
          pointer: '/Request-Id',
          expected: 'present (required)',
          found: 'missing',
          count: 1,
        },
      ],
    },
    {
      operation: 'voucherify:deleteCustomer',
      calls: 1,
      conforming: 0,
      violations: [
        { in: 'response.status', pointer: '', expected: 'one of 204, 401, 404', found: '200', count: 1 },
      ],
    },
    {
      operation: 'voucherify:getCustomer',
      calls: 1,
      conforming: 0,
      violations: [
        {
          in: 'response.body',
          pointer: '/summary',
          expected: 'present (required)',
          found: 'missing',
          count: 1,
        },
      ],
    },
    {
      operation: 'voucherify:listCustomers',
      calls: 1,
      conforming: 0,
      violations: [
        { in: 'response.body', pointer: '/total', expected: 'type integer', found: 'string', count: 1 },
      ],
    },
  ]);
});

it('keeps every credential out of the reports, the drift header and the log lines', async () => {
  const drift = await call('GET', `/v1/customers/${secretHeaders['X-App-Token']}`);
  const dir = await mkdtemp(join(tmpdir(), 'vouchspec-drift-'));
  const files = await proxy.writeReports(dir);
  const texts = [
    ...(await Promise.all(files.map((file) => readFile(file, 'utf8')))),
    drift.headers.get('Vouchspec-Drift') ?? '',
    JSON.stringify(proxy.report()),
    ...logs,
  ];
  expect(files.map((file) => file.slice(dir.length + 1))).toEqual([
    'drift.json',
    'drift.md',
    'drift-junit.xml',
  ]);
  expect(texts.join('\n')).toContain('[redacted]'); // the path that carried a token, in the log line
  const secrets = [...Object.values(secretHeaders), ...Object.values(secretMewsTokens)];
  for (const text of texts) expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  expect(await readFile(join(dir, 'drift-junit.xml'), 'utf8')).toContain(
    '<testcase classname="vouchspec-drift" name="voucherify:getCustomer">',
  );
});
