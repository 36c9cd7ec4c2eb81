import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMewsConnectorClient, mewsPlatformAddress } from '../src/index.js';
import { startRecordingServer } from './recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>>;
beforeEach(async () => {
  server = await startRecordingServer([{ status: 200, body: { VoucherCodes: [], Cursor: null } }]);
});
afterEach(() => server.close());

const credentials = { clientToken: 'client-token', accessToken: 'access-token', client: 'Tests 1.0.0' };
const filter = { VoucherIds: ['fe568bbd-1ecb-4bb2-bf77-96c3698de20d'], Limitation: { Count: 10 } };

describe('createMewsConnectorClient', () => {
  it('puts the tokens and client name into every body, alongside the caller fields', async () => {
    const client = createMewsConnectorClient({ ...credentials, environment: server.url });
    const { data } = await client.POST('/api/connector/v1/voucherCodes/getAll', { body: filter });
    expect(data?.VoucherCodes).toEqual([]);
    const [request] = server.requests;
    expect(request?.url).toBe('/api/connector/v1/voucherCodes/getAll');
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual({
      ClientToken: 'client-token',
      AccessToken: 'access-token',
      Client: 'Tests 1.0.0',
      ...filter,
    });
    expect(request?.headers.prefer).toBeUndefined();
  });

  it('asks for minimal responses when configured', async () => {
    const client = createMewsConnectorClient({ ...credentials, environment: server.url, minimal: true });
    await client.POST('/api/connector/v1/voucherCodes/getAll', { body: filter });
    expect(server.requests[0]?.headers.prefer).toBe('return=minimal');
  });

  it('resolves environments from the spec servers', () => {
    expect(mewsPlatformAddress('demo')).toBe('https://api.mews-demo.com');
    expect(mewsPlatformAddress('production')).toBe('https://api.mews.com');
    expect(mewsPlatformAddress('http://localhost:4010/')).toBe('http://localhost:4010');
    expect(() => mewsPlatformAddress('staging')).toThrow(
      'Unknown Mews environment "staging": use demo, production or a URL',
    );
  });
});
