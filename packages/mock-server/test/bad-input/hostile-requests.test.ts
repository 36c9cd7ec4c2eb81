/**
 * Hostile and careless requests against a running mock: each is refused in the vendor's error body, never
 * crashes the process, and leaves the state exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { mergeCredentials } from '../../src/credentials.js';
import { exportState } from '../../src/seed.js';
import { nestedJson } from '../fuzz/requests.js';
import { appKeys, mewsTokens, specExample, useMock } from '../helpers.js';
import { rawRequest } from './raw-http.js';

const mock = useMock({ maxStateBytes: 4 * 1024 * 1024 });

const createCustomer = (raw: string) => mock.call('POST', '/v1/customers', { headers: appKeys, raw });

/** Runs a request and checks it changed nothing; returns its response. */
async function leavesStateAlone<T>(request: () => Promise<T>): Promise<T> {
  const before = exportState(mock.server.state);
  const response = await request();
  expect(exportState(mock.server.state)).toEqual(before);
  return response;
}

async function stillServes() {
  expect((await mock.call('GET', '/v1/customers', { headers: appKeys })).status).toBe(200);
  expect((await mock.call('GET', '/__admin/state')).status).toBe(200);
}

describe('nesting depth', () => {
  it('refuses a body nested 5,000 levels deep with a 400, before anything is stored', async () => {
    await createCustomer(JSON.stringify({ source_id: 'seed', name: 'Kept' }));
    const res = await leavesStateAlone(() =>
      createCustomer(`{"source_id":"deep","metadata":${nestedJson(5000)}}`),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, key: 'invalid_payload' });
    expect(res.body.details).toMatch(/deeper than 64 levels/);
    await stillServes();
  });

  it('accepts 64 levels and refuses 65, counting the body itself as the first', async () => {
    const at = (depth: number) => `{"source_id":"d${depth}","metadata":${nestedJson(depth - 1)}}`;
    expect((await createCustomer(at(64))).status).toBe(200);
    expect((await leavesStateAlone(() => createCustomer(at(65)))).status).toBe(400);
    // Brackets inside strings are text, not nesting.
    expect((await createCustomer(`{"source_id":"s","name":"${'['.repeat(200)}"}`)).status).toBe(200);
    await stillServes();
  });

  it('refuses deep bodies on the Mews API and the admin seed as well', async () => {
    const mews = await leavesStateAlone(() =>
      mock.call('POST', '/api/connector/v1/voucherCodes/add', {
        raw: `{"ClientToken":"${mewsTokens.ClientToken}","AccessToken":"${mewsTokens.AccessToken}","Client":"t","VoucherCodes":[${nestedJson(3000)}]}`,
      }),
    );
    expect(mews.status).toBe(400);
    expect(mews.body.Message).toMatch(/deeper than 64 levels/);
    const seed = await leavesStateAlone(() =>
      mock.call('POST', '/__admin/seed', { raw: `{"voucherify":{"customers":[${nestedJson(3000)}]}}` }),
    );
    expect(seed.status).toBe(400);
  });
});

describe('bytes that are not what they claim', () => {
  it('refuses invalid UTF-8 in a JSON body instead of storing U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from('{"source_id":"utf","name":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const res = await leavesStateAlone(() =>
      rawRequest(
        mock.server.port,
        Buffer.concat([
          Buffer.from(
            `POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-App-Id: ${appKeys['X-App-Id']}\r\n` +
              `X-App-Token: ${appKeys['X-App-Token']}\r\nContent-Type: application/json\r\n` +
              `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
          ),
          body,
        ]),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ key: 'invalid_payload', details: 'The body is not valid UTF-8.' });
  });

  it.each([
    [
      'an over-long header',
      `GET /v1/customers HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
    ['an unknown method', 'FOO /v1/customers HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    [
      'a raw non-ASCII path',
      Buffer.from('GET /v1/customers/\xff HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'),
      400,
    ],
  ])("answers %s in the vendor's error body", async (_name, request, status) => {
    const res = await leavesStateAlone(() => rawRequest(mock.server.port, request));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code: status, request_id: expect.any(String) });
    await stillServes();
  });

  it("answers Node's errors on a Mews path in the Mews error body", async () => {
    const res = await rawRequest(
      mock.server.port,
      `POST /api/connector/v1/voucherCodes/getAll HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ Message: expect.any(String), RequestId: expect.any(String) });
  });
});

describe('keys named like object internals', () => {
  it('keeps `__proto__`, `constructor` and `toString` keys as data and never touches Object.prototype', async () => {
    const raw =
      '{"source_id":"proto","metadata":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":"x"}}';
    const res = await createCustomer(raw);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.metadata)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const read = await mock.call('GET', '/v1/customers/proto', { headers: appKeys });
    expect(Object.keys(read.body.metadata)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty'])(
    'answers a seed naming %s as an API or collection with a 400',
    async (key) => {
      for (const raw of [`{"${key}":{}}`, `{"voucherify":{"${key}":[]}}`]) {
        const res = await leavesStateAlone(() => mock.call('POST', '/__admin/seed', { raw }));
        expect(res.status, raw).toBe(400);
        expect(res.body.error).toMatch(/unknown (API|collection)/);
      }
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    },
  );
  it.each([
    '{"__proto__": {"polluted": true}}',
    '{"voucherify": {"__proto__": {"polluted": true}}}',
    '{"voucherify": {"toString": "x"}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
  ])('refuses the credentials %s with an error naming the key, leaving Object.prototype alone', (text) => {
    // JSON.parse makes `__proto__` an own key, as reading a credentials file does.
    expect(() => mergeCredentials(JSON.parse(text))).toThrow(
      /unknown (API|credential) "(__proto__|toString|constructor)"/,
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('stored state', () => {
  it('refuses a write that would take the state past its limit, with a 413 that says so', async () => {
    const big = (n: number) =>
      JSON.stringify({ source_id: `big-${n}`, metadata: { blob: 'x'.repeat(1024 * 1024) } });
    expect((await createCustomer(big(1))).status).toBe(200);
    const res = await leavesStateAlone(() => createCustomer(big(2)));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 413, key: 'payload_too_large' });
    expect(res.body.details).toMatch(/limit of 4 MiB .*maxStateBytes/);
    // Shrinking is always allowed.
    expect((await mock.call('DELETE', '/v1/customers/big-1', { headers: appKeys })).status).toBe(204);
  });

  it('keeps the state within its limit under 20 concurrent large creates', async () => {
    const creates = Array.from({ length: 20 }, (_, n) =>
      createCustomer(JSON.stringify({ source_id: `c-${n}`, metadata: { blob: 'y'.repeat(512 * 1024) } })),
    );
    const statuses = (await Promise.all(creates)).map((res) => res.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 413)).toBe(true);
    expect(mock.server.state.journal.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    const stored = mock.server.state.customers.size;
    expect(stored).toBe(statuses.filter((s) => s === 200).length);
    expect(mock.server.state.activities.size).toBe(stored);
  });

  it('refuses a seed past the limit as a whole', async () => {
    const customers = Array.from({ length: 5 }, (_, n) => ({
      ...specExample('Customer'),
      id: `cust_${n}`,
      source_id: `seeded-${n}`,
      metadata: { blob: 'z'.repeat(1024 * 1024) },
    }));
    const res = await leavesStateAlone(() =>
      mock.call('POST', '/__admin/seed', { body: { voucherify: { customers } } }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.body.error).toMatch(/limit of 4 MiB/);
  });
});
