import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVoucherifyClient, MissingCredentialsError, voucherifyBaseUrl } from '../src/index.js';
import { startRecordingServer } from './recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>>;
beforeEach(async () => {
  server = await startRecordingServer([{ status: 200, body: { object: 'customer' } }]);
});
afterEach(() => server.close());

/** A client holding both the application and the management key pair. */
const withBothKeyPairs = () =>
  createVoucherifyClient({
    baseUrl: server.url,
    appId: 'app-id',
    appToken: 'app-token',
    managementId: 'mgmt-id',
    managementToken: 'mgmt-token',
  });

describe('createVoucherifyClient', () => {
  it('sends the application key pair on customer operations, and nothing else', async () => {
    const client = withBothKeyPairs();
    const { data } = await client.GET('/v1/customers/{customerId}', {
      params: { path: { customerId: 'cust_1' } },
    });
    expect(data?.object).toBe('customer');
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/v1/customers/cust_1');
    expect(request?.headers['x-app-id']).toBe('app-id');
    expect(request?.headers['x-app-token']).toBe('app-token');
    expect(request?.headers['x-management-id']).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('falls back to the OAuth bearer token when no application keys are configured', async () => {
    const client = createVoucherifyClient({ baseUrl: server.url, oauthToken: 'oauth-token' });
    await client.DELETE('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_1' } } });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer oauth-token');
    expect(server.requests[0]?.headers['x-app-id']).toBeUndefined();
  });

  it('prefers the application keys when both they and an OAuth token are configured', async () => {
    const client = createVoucherifyClient({
      baseUrl: server.url,
      appId: 'a',
      appToken: 't',
      oauthToken: 'o',
    });
    await client.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'x' } } });
    expect(server.requests[0]?.headers['x-app-id']).toBe('a');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('gives concurrent calls to different operations each their own credentials', async () => {
    const client = withBothKeyPairs();
    const ids = Array.from({ length: 20 }, (_, index) => `id_${index}`);
    await Promise.all(
      ids.map((id, index) =>
        index % 2
          ? client.GET('/management/v1/projects/{projectId}', { params: { path: { projectId: id } } })
          : client.GET('/v1/customers/{customerId}', { params: { path: { customerId: id } } }),
      ),
    );
    expect(server.requests).toHaveLength(ids.length);
    for (const request of server.requests) {
      const management = request.url.startsWith('/management/');
      expect(request.headers['x-management-id']).toBe(management ? 'mgmt-id' : undefined);
      expect(request.headers['x-app-id']).toBe(management ? undefined : 'app-id');
    }
  });

  it('fails before sending when the operation needs credentials the client lacks', async () => {
    const client = createVoucherifyClient({ baseUrl: server.url, appId: 'only-half' });
    const call = client.POST('/v1/customers', { body: { source_id: 's1' } });
    await expect(call).rejects.toBeInstanceOf(MissingCredentialsError);
    await expect(call).rejects.toThrow('POST /v1/customers needs appId + appToken or oauthToken');
    expect(server.requests).toHaveLength(0);
  });

  it('serialises the JSON body as given', async () => {
    const client = createVoucherifyClient({ baseUrl: server.url, appId: 'a', appToken: 't' });
    await client.POST('/v1/customers', {
      body: { source_id: 's1', address: { city: 'Oslo' }, metadata: { vip: true } },
    });
    const [request] = server.requests;
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual({
      source_id: 's1',
      address: { city: 'Oslo' },
      metadata: { vip: true },
    });
  });

  it('builds the base URL from the cluster the spec allows', () => {
    expect(voucherifyBaseUrl()).toBe('https://api.voucherify.io');
    expect(voucherifyBaseUrl('us1.api')).toBe('https://us1.api.voucherify.io');
  });

  it('adds caller headers to every request', async () => {
    const client = createVoucherifyClient({
      baseUrl: server.url,
      appId: 'a',
      appToken: 't',
      headers: { 'X-Trace': 'abc' },
    });
    await client.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'x' } } });
    expect(server.requests[0]?.headers['x-trace']).toBe('abc');
  });
});
