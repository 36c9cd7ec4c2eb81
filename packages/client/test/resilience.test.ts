import { afterEach, describe, expect, it } from 'vitest';
import {
  type CommonClientOptions,
  createMewsConnectorClient,
  createVoucherifyClient,
  RequestTimeoutError,
  type ResilienceOptions,
} from '../src/index.js';
import { retryAfterMs } from '../src/retry.js';
import { type Reply, type Responder, startRecordingServer } from './recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(() => server?.close());

const fast = { baseDelayMs: 1, maxDelayMs: 5 };

async function voucherify(
  replies: Reply[] | Responder,
  options: ResilienceOptions & CommonClientOptions = { retry: fast },
) {
  server = await startRecordingServer(replies);
  return createVoucherifyClient({ baseUrl: server.url, appId: 'a', appToken: 't', ...options });
}

const getCustomer = (client: Awaited<ReturnType<typeof voucherify>>, init: { signal?: AbortSignal } = {}) =>
  client.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_1' } }, ...init });

const ok: Reply = { status: 200, body: { object: 'customer' } };

describe('custom fetch', () => {
  it('sends every attempt through the given fetch, as the final URL and an init with the credentials', async () => {
    const calls: { url: string; headers: Headers; method: string | undefined }[] = [];
    const client = await voucherify([{ status: 503 }, ok], {
      retry: fast,
      fetch: (url, init) => {
        calls.push({ url, headers: new Headers(init.headers), method: init.method });
        return fetch(url, init);
      },
    });
    const { data } = await getCustomer(client);
    expect(data?.object).toBe('customer');
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.url).toBe(`${server?.url}/v1/customers/cust_1`);
      expect(call.method).toBe('GET');
      expect(call.headers.get('x-app-id')).toBe('a');
      expect(call.headers.get('x-app-token')).toBe('t');
    }
    expect(server?.requests).toHaveLength(2);
  });
});

describe('retries', () => {
  it('retries 502, 503 and 504 on a GET until it succeeds', async () => {
    const client = await voucherify([{ status: 502 }, { status: 503 }, { status: 504 }, ok], {
      retry: { ...fast, attempts: 4 },
    });
    const { data, response } = await getCustomer(client);
    expect(response.status).toBe(200);
    expect(data?.object).toBe('customer');
    expect(server?.requests).toHaveLength(4);
  });

  it('stops after the configured number of attempts and returns the last response', async () => {
    const client = await voucherify([{ status: 503, body: { code: 503, message: 'Unavailable' } }], {
      retry: { ...fast, attempts: 3 },
    });
    const { error, response } = await getCustomer(client);
    expect(response.status).toBe(503);
    expect(error?.code).toBe(503);
    expect(server?.requests).toHaveLength(3);
  });

  it('does not retry other errors, nor anything when retries are off', async () => {
    const client = await voucherify([{ status: 500 }, ok]);
    expect((await getCustomer(client)).response.status).toBe(500);
    expect(server?.requests).toHaveLength(1);
    await server?.close();
    const single = await voucherify([{ status: 503 }, ok], { retry: false });
    expect((await getCustomer(single)).response.status).toBe(503);
    expect(server?.requests).toHaveLength(1);
  });

  it('honours Retry-After on 429', async () => {
    const client = await voucherify([{ status: 429, headers: { 'Retry-After': '1' } }, ok]);
    const { response } = await getCustomer(client);
    expect(response.status).toBe(200);
    const [first, second] = server?.requests ?? [];
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After asks for longer than the client will wait', async () => {
    const client = await voucherify([{ status: 429, headers: { 'Retry-After': '3600' } }, ok], {
      retry: { ...fast, maxRetryAfterMs: 1000 },
    });
    expect((await getCustomer(client)).response.status).toBe(429);
    expect(server?.requests).toHaveLength(1);
  });

  it.each([
    // RFC 9110 delay-seconds: digits only.
    ['2', 2000],
    ['0', 0],
    ['007', 7000],
    ['86400', 86_400_000],
    // What Number() or Date.parse() would read as a delay or a date, but is neither.
    ['0x3C', undefined],
    ['1e1', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['+5', undefined],
    [' 60abc', undefined],
    ['60abc', undefined],
    ['Infinity', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
    // An HTTP date in IMF-fixdate form, exactly; one in the past asks for no wait.
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['Fri, 01 Jan 2026 00:00:05 GMT', undefined], // wrong weekday
    ['Thu, 1 Jan 2026 00:00:05 GMT', undefined], // one-digit day
    ['Sat, 31 Feb 2026 00:00:05 GMT', undefined], // no such day
    ['Thu, 01 Jan 2026 00:00:05', undefined], // no zone
    ['2026-01-01T00:00:05Z', undefined],
    ['Thursday, 01-Jan-26 00:00:05 GMT', undefined], // RFC 850, obsolete
  ])('Retry-After %j → %s ms (undefined: the usual backoff)', (header, expected) => {
    expect(retryAfterMs(header, Date.parse('2026-01-01T00:00:00Z'))).toBe(expected);
  });

  it('ignores a Retry-After that is not delay-seconds, and backs off as usual', async () => {
    // Were 0x3C read as 60 s, it would exceed maxRetryAfterMs and end the retries with the 429.
    const client = await voucherify([{ status: 429, headers: { 'Retry-After': '0x3C' } }, ok], {
      retry: { ...fast, maxRetryAfterMs: 1000 },
    });
    expect((await getCustomer(client)).response.status).toBe(200);
    expect(server?.requests).toHaveLength(2);
  });

  it('does not retry a POST unless asked, and then re-sends the body intact', async () => {
    const body = { source_id: 'crm-1', metadata: { note: 'ünïcode ✓' } };
    const once = await voucherify([{ status: 503 }, ok]);
    expect((await once.POST('/v1/customers', { body })).response.status).toBe(503);
    expect(server?.requests).toHaveLength(1);
    await server?.close();
    const client = await voucherify([{ status: 503 }, { status: 502 }, ok], {
      retry: { ...fast, retryNonIdempotent: true },
    });
    expect((await client.POST('/v1/customers', { body })).response.status).toBe(200);
    const bodies = server?.requests.map((r) => r.body.toString('utf8'));
    expect(bodies).toEqual([JSON.stringify(body), JSON.stringify(body), JSON.stringify(body)]);
  });

  it('retries the Mews read the spec marks idempotent, but not adding codes', async () => {
    server = await startRecordingServer([
      { status: 503 },
      { status: 200, body: { VoucherCodes: [] } },
      { status: 503 },
    ]);
    const mews = createMewsConnectorClient({
      clientToken: 'c',
      accessToken: 'a',
      client: 'x',
      environment: server.url,
      retry: fast,
    });
    const read = await mews.POST('/api/connector/v1/voucherCodes/getAll', {
      body: { VoucherIds: ['v'], Limitation: { Count: 1 } },
    });
    expect(read.response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    const write = await mews.POST('/api/connector/v1/voucherCodes/add', {
      body: { VoucherCodeParameters: [] },
    });
    expect(write.response.status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it('retries network errors, and reports the last one when all attempts fail', async () => {
    const client = await voucherify([{ status: 0, destroy: true }, ok]);
    expect((await getCustomer(client)).response.status).toBe(200);
    await server?.close();
    const failing = await voucherify([{ status: 0, destroy: true }]);
    await expect(getCustomer(failing)).rejects.toThrow(TypeError);
    expect(server?.requests).toHaveLength(3);
  });
});

describe('timeouts and aborts', () => {
  // Replies that never come make these independent of the machine's speed: a timeout or abort is the only
  // way such a call can end. Attempts are counted at the fetch option, because an attempt aborted before
  // its request reaches the server (a loaded machine) is still an attempt.
  it('times out each attempt and throws RequestTimeoutError when none finishes in time', async () => {
    let attempts = 0;
    const client = await voucherify([{ ...ok, hold: true }], {
      timeoutMs: 40,
      retry: { ...fast, attempts: 2 },
      fetch: (url, init) => {
        attempts++;
        return fetch(url, init);
      },
    });
    const failure = await getCustomer(client).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestTimeoutError);
    expect(failure).toMatchObject({
      operation: 'GET /v1/customers/{customerId}',
      timeoutMs: 40,
      attempts: 2,
    });
    expect(attempts).toBe(2);
  });

  it('recovers when a later attempt is fast enough', async () => {
    // A generous timeout: the second reply is immediate, and only the first must time out.
    const client = await voucherify([{ ...ok, hold: true }, ok], { timeoutMs: 1500, retry: fast });
    expect((await getCustomer(client)).response.status).toBe(200);
    expect(server?.requests).toHaveLength(2);
  });

  it("stops at once, without retrying, when the caller's signal aborts", async () => {
    const client = await voucherify([{ ...ok, hold: true }]);
    const controller = new AbortController();
    const call = getCustomer(client, { signal: controller.signal });
    await server?.received(1);
    controller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
    expect(server?.requests).toHaveLength(1);
  });

  it('also stops while waiting between attempts', async () => {
    let answered: () => void = () => {};
    const firstAnswer = new Promise<void>((resolve) => {
      answered = resolve;
    });
    // Retry-After far beyond the test's timeout: only the abort can end the wait.
    const client = await voucherify([{ status: 429, headers: { 'Retry-After': '50' } }, ok], {
      retry: { ...fast, maxRetryAfterMs: 60_000 },
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        answered();
        return response;
      },
    });
    const controller = new AbortController();
    const call = getCustomer(client, { signal: controller.signal });
    await firstAnswer;
    controller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
    expect(server?.requests).toHaveLength(1);
  });
});
