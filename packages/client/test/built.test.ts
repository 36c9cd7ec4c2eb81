/**
 * The built package as Node loads it: `dist/index.js` through `import` and `dist/index.cjs` through
 * `require`, each in its own process, each making real calls. The source-level tests cannot see a
 * CommonJS build that loads but breaks on its first call (as one did, through openapi-fetch's interop).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer } from './recording-server.js';

const run = promisify(execFile);
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

let server: Awaited<ReturnType<typeof startRecordingServer>>;
beforeAll(async () => {
  server = await startRecordingServer((request) =>
    request.url.startsWith('/api/connector/')
      ? { status: 200, body: { VoucherCodes: [], Cursor: null } }
      : { status: 200, body: { id: 'cust_1', object: 'customer' } },
  );
});
afterAll(() => server.close());

/** The same calls for both module systems; only how the package is loaded differs. */
const calls = (load: string) => `
const { createVoucherifyClient, createMewsConnectorClient, unwrap } = ${load};
(async () => {
  const voucherify = createVoucherifyClient({ baseUrl: process.env.URL, appId: 'a', appToken: 't' });
  const mews = createMewsConnectorClient({ environment: process.env.URL, clientToken: 'c', accessToken: 'a', client: 'x' });
  const customer = unwrap(await voucherify.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_1' } } }));
  const codes = unwrap(await mews.POST('/api/connector/v1/voucherCodes/getAll', { body: { VoucherIds: ['v'], Limitation: { Count: 1 } } }));
  console.log(JSON.stringify({ customer: customer.id, codes: codes.VoucherCodes.length }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe.each([
  ['ESM', '--input-type=module', `await import(${JSON.stringify(dist('index.js'))})`],
  ['CommonJS', '--input-type=commonjs', `require(${JSON.stringify(dist('index.cjs'))})`],
])('the %s build', (_, inputType, load) => {
  it('creates both clients and calls each API', async () => {
    const before = server.requests.length;
    const { stdout } = await run(process.execPath, [inputType, '--eval', calls(load)], {
      env: { ...process.env, URL: server.url },
    });
    expect(JSON.parse(stdout)).toEqual({ customer: 'cust_1', codes: 0 });
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v1/customers/cust_1',
      'POST /api/connector/v1/voucherCodes/getAll',
    ]);
  });
});
