/**
 * Responses whose headers arrive and whose body then stalls, on real sockets. The server never sends the
 * rest, so such a call can end only by its timeout or the caller's abort: no test here depends on the
 * machine's speed, and none asserts elapsed time. Attempts are counted at the fetch option, because an
 * attempt aborted before its request reaches the server (a loaded machine) is still an attempt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createVoucherifyClient, RequestTimeoutError, type VoucherifyClientOptions } from '../src/index.js';
import { type Reply, type Responder, startRecordingServer } from './recording-server.js';

const servers: Awaited<ReturnType<typeof startRecordingServer>>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const fast = { baseDelayMs: 1, maxDelayMs: 5 };

/** A client on a fresh server, and the number of attempts it has made so far. */
async function voucherify(replies: Reply[] | Responder, options: Partial<VoucherifyClientOptions> = {}) {
  const server = await startRecordingServer(replies);
  servers.push(server);
  const counted = { attempts: 0 };
  const client = createVoucherifyClient({
    baseUrl: server.url,
    appId: 'a',
    appToken: 't',
    retry: fast,
    fetch: (url, init) => {
      counted.attempts++;
      return fetch(url, init);
    },
    ...options,
  });
  return { server, client, counted };
}

type Client = Awaited<ReturnType<typeof voucherify>>['client'];
const getCustomer = (client: Client, init: { signal?: AbortSignal } = {}) =>
  client.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_1' } }, ...init });

const customer = { id: 'cust_1', object: 'customer' };
const text = JSON.stringify(customer);
const json = { 'Content-Type': 'application/json' };
const sized = { ...json, 'Content-Length': String(text.length) };
const halfway: Reply = { status: 200, headers: sized, stall: text.slice(0, 10) };

const stalls: [string, Reply][] = [
  ['a JSON body that stops halfway', halfway],
  ['a Content-Length and not one byte of the body', { status: 200, headers: sized, stall: '' }],
  ['a chunked body that never ends', { status: 200, headers: json, stall: text.slice(0, 10) }],
  ['an error body that stops halfway', { ...halfway, status: 404 }],
];

describe('the per-attempt timeout covers the body', () => {
  it.each(stalls)(
    '%s: RequestTimeoutError once every attempt has timed out, sockets released',
    async (_, reply) => {
      const { server, client, counted } = await voucherify([reply], {
        timeoutMs: 200,
        retry: { ...fast, attempts: 2 },
      });
      const failure = await getCustomer(client).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RequestTimeoutError);
      expect(failure).toMatchObject({
        operation: 'GET /v1/customers/{customerId}',
        timeoutMs: 200,
        attempts: 2,
      });
      expect(counted.attempts).toBe(2);
      // Never resolves while the client still holds a socket of an abandoned response.
      await server.released();
    },
  );

  it('retries an idempotent call whose body stalled, and returns the next attempt’s answer', async () => {
    let attempts = 0;
    // The attempt number travels in a header, so the first attempt stalls even if it never reached the server.
    const { client } = await voucherify(
      (request) => (request.headers['x-attempt'] === '1' ? halfway : { status: 200, body: customer }),
      {
        timeoutMs: 200,
        // Only the first attempt gets the timeout's signal: it can end only by timing out, and the second,
        // answered at once, cannot time out however slow the machine.
        fetch: (url, init) => {
          attempts++;
          const headers = new Headers(init.headers);
          headers.set('x-attempt', String(attempts));
          return fetch(url, { ...init, headers, signal: attempts === 1 ? init.signal : undefined });
        },
      },
    );
    const { data, response } = await getCustomer(client);
    expect(response.status).toBe(200);
    expect(data).toEqual(customer);
    expect(attempts).toBe(2);
  });

  it('does not retry a POST whose body stalled', async () => {
    const { client, counted } = await voucherify([halfway], { timeoutMs: 200 });
    const failure = await client
      .POST('/v1/customers', { body: { source_id: 'crm-1' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestTimeoutError);
    expect(failure).toMatchObject({ operation: 'POST /v1/customers', attempts: 1 });
    expect(counted.attempts).toBe(1);
  });

  it('hands over a body asked for as a stream as it arrives, for the caller to read', async () => {
    // A timeout far beyond the test's: were the body read whole first, the call could not end at all.
    const { server, client } = await voucherify([halfway], { timeoutMs: 600_000 });
    const { data } = await client.GET('/v1/customers/{customerId}', {
      params: { path: { customerId: 'cust_1' } },
      parseAs: 'stream',
    });
    const reader = (data as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(text.slice(0, 10));
    await reader.cancel();
    await server.released();
  });
});

describe("the caller's signal", () => {
  it.each([
    ['without a timeout', {}],
    ['with a timeout armed', { timeoutMs: 600_000 }],
  ])('aborts a body read at once, without retrying (%s)', async (_, options) => {
    let headersArrived: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      headersArrived = resolve;
    });
    let attempts = 0;
    const { server, client } = await voucherify([halfway], {
      ...options,
      fetch: async (url, init) => {
        attempts++;
        const response = await fetch(url, init);
        headersArrived();
        return response;
      },
    });
    const controller = new AbortController();
    const call = getCustomer(client, { signal: controller.signal });
    await arrived;
    controller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
    expect(attempts).toBe(1);
    await server.released();
  });
});
