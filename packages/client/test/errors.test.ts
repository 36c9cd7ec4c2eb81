import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  createMewsConnectorClient,
  createVoucherifyClient,
  MissingCredentialsError,
  unwrap,
} from '../src/index.js';
import { type Reply, startRecordingServer } from './recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(() => server?.close());

const secret = 'SECRET-APP-TOKEN-0123456789';
const notFound: Reply = {
  status: 404,
  headers: { 'x-request-id': 'v-header-id' },
  body: {
    code: 404,
    key: 'not_found',
    message: 'Resource not found',
    details: 'Cannot find customer with id cust_x',
    request_id: 'v-body-id',
  },
};

async function voucherify(replies: Reply[], options = {}) {
  server = await startRecordingServer(replies);
  return createVoucherifyClient({
    baseUrl: server.url,
    appId: 'app',
    appToken: secret,
    retry: false,
    ...options,
  });
}

const getCustomer = (client: Awaited<ReturnType<typeof voucherify>>) =>
  client.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_x' } } });

describe('errors', () => {
  it('returns typed error bodies, and unwrap() turns them into an ApiError with the vendor fields', async () => {
    const client = await voucherify([notFound]);
    const result = await getCustomer(client);
    expect(result.error?.key).toBe('not_found');
    const error = (() => {
      try {
        unwrap(result);
      } catch (caught) {
        return caught as ApiError;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      api: 'voucherify',
      operation: 'GET /v1/customers/{customerId}',
      code: 404,
      key: 'not_found',
      details: 'Cannot find customer with id cust_x',
      requestId: 'v-header-id',
    });
    expect(error?.message).toBe(
      'GET /v1/customers/{customerId} failed with HTTP 404: not_found — Resource not found — Cannot find customer with id cust_x',
    );
  });

  it('never carries a credential', async () => {
    const client = await voucherify([notFound]);
    const error = await getCustomer(client)
      .then(unwrap, (e: unknown) => e)
      .catch((e: unknown) => e);
    const rendered = [
      String(error),
      (error as Error).stack,
      JSON.stringify(error),
      JSON.stringify(Object.entries(error as object)),
    ].join('\n');
    expect(server?.requests[0]?.headers['x-app-token']).toBe(secret);
    expect(rendered).not.toContain(secret);
  });

  it('falls back to the body request id, and reads the gateway error shape', async () => {
    const client = await voucherify([
      { ...notFound, headers: {} },
      {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format' },
      },
    ]);
    expect(() => unwrap({ response: new Response(null, { status: 500 }) })).toThrow(ApiError);
    await expect(getCustomer(client).then(unwrap)).rejects.toMatchObject({ requestId: 'v-body-id' });
    await expect(getCustomer(client).then(unwrap)).rejects.toMatchObject({
      status: 400,
      code: 400,
      key: 'Bad Request',
      message:
        'GET /v1/customers/{customerId} failed with HTTP 400: Bad Request — Invalid request payload JSON format',
    });
  });

  it('maps Mews errors, with the Request-Id header', async () => {
    server = await startRecordingServer([
      {
        status: 401,
        headers: { 'Request-Id': 'mews-req-1' },
        body: { Message: 'Invalid AccessToken.', RequestId: 'mews-req-1' },
      },
    ]);
    const mews = createMewsConnectorClient({
      clientToken: 'c',
      accessToken: 'nope',
      client: 'x',
      environment: server.url,
      retry: false,
    });
    const failure = await mews
      .POST('/api/connector/v1/voucherCodes/getAll', { body: { VoucherIds: [], Limitation: { Count: 1 } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({
      status: 401,
      api: 'mews-connector',
      operation: 'POST /api/connector/v1/voucherCodes/getAll',
      requestId: 'mews-req-1',
      message: 'POST /api/connector/v1/voucherCodes/getAll failed with HTTP 401: Invalid AccessToken.',
    });
  });

  it('throws instead of returning errors with throwOnError, and unwraps successes', async () => {
    const client = await voucherify(
      [notFound, { status: 200, body: { object: 'customer', id: 'cust_1' } }, { status: 204 }],
      {
        throwOnError: true,
      },
    );
    await expect(getCustomer(client)).rejects.toBeInstanceOf(ApiError);
    expect(unwrap(await getCustomer(client))?.id).toBe('cust_1');
    expect(
      unwrap(
        await client.DELETE('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_1' } } }),
      ),
    ).toBeUndefined();
  });

  it('names the missing management keys before sending anything', async () => {
    const client = await voucherify([]);
    await expect(client.GET('/management/v1/projects')).rejects.toThrow(
      new MissingCredentialsError('GET /management/v1/projects', [['managementId', 'managementToken']]),
    );
    expect(server?.requests).toHaveLength(0);
  });
});
