import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVoucherifyClient } from '../src/index.js';
import { serializeQuery } from '../src/query.js';
import { startRecordingServer } from './recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>>;
beforeEach(async () => {
  server = await startRecordingServer([{ status: 202, body: { async_action_id: 'aa_1' } }]);
});
afterEach(() => server.close());

const client = () =>
  createVoucherifyClient({
    baseUrl: server.url,
    appId: 'a',
    appToken: 't',
    managementId: 'm',
    managementToken: 'k',
  });

describe('query encoding', () => {
  it('sends deepObject filters as bracketed keys with indexed arrays', async () => {
    await client().GET('/management/v1/projects/{projectId}/templates/campaigns', {
      params: {
        path: { projectId: 'proj_1' },
        query: {
          limit: 10,
          filters: {
            junction: 'and',
            name: { conditions: { $in: ['Summer sale', 'Winter'] } },
            campaign_type: { conditions: { $is: 'GIFT_VOUCHERS' } },
          },
        },
      },
    });
    expect(server.requests[0]?.url).toBe(
      '/management/v1/projects/proj_1/templates/campaigns?limit=10&filters[junction]=and' +
        '&filters[name][conditions][$in][0]=Summer%20sale&filters[name][conditions][$in][1]=Winter' +
        '&filters[campaign_type][conditions][$is]=GIFT_VOUCHERS',
    );
  });

  it('passes literal bracketed parameter names through unchanged', async () => {
    await client().GET('/v1/customers', {
      params: {
        query: {
          'created_at[after]': '2024-01-01T00:00:00Z',
          'updated_at[before]': '2024-02-01T00:00:00Z',
          order: '-created_at',
        },
      },
    });
    expect(server.requests[0]?.url).toBe(
      '/v1/customers?created_at[after]=2024-01-01T00%3A00%3A00Z&updated_at[before]=2024-02-01T00%3A00%3A00Z&order=-created_at',
    );
  });

  it('repeats top-level arrays, encodes values, serialises dates and skips empty values', () => {
    expect(
      serializeQuery({
        ids: ['a b', 'c&d'],
        at: new Date('2024-01-01T00:00:00Z'),
        skip: undefined,
        none: null,
        n: 0,
        yes: true,
      }),
    ).toBe('ids=a%20b&ids=c%26d&at=2024-01-01T00%3A00%3A00.000Z&n=0&yes=true');
  });
});

describe('path encoding', () => {
  it('percent-encodes every path parameter, reserved characters included', async () => {
    await client().GET('/v1/referrals/{campaignId}/members/{memberId}/holders', {
      params: { path: { campaignId: 'camp 1/a?b', memberId: 'mem_ü#1' } },
    });
    expect(server.requests[0]?.url).toBe('/v1/referrals/camp%201%2Fa%3Fb/members/mem_%C3%BC%231/holders');
  });

  it("fills each client's own base URL, also when a call overrides it", async () => {
    const other = await startRecordingServer();
    try {
      await client().GET('/v1/customers/{customerId}', { params: { path: { customerId: 'c1' } } });
      await client().GET('/v1/customers/{customerId}', {
        baseUrl: other.url,
        params: { path: { customerId: 'c2' } },
      });
      expect(server.requests.map((r) => r.url)).toEqual(['/v1/customers/c1']);
      expect(other.requests.map((r) => r.url)).toEqual(['/v1/customers/c2']);
    } finally {
      await other.close();
    }
  });

  it('refuses to send a request with a missing or empty path parameter', async () => {
    for (const customerId of [undefined, null, '']) {
      await expect(
        client().GET('/v1/customers/{customerId}', {
          params: { path: { customerId } as unknown as { customerId: string } },
        }),
      ).rejects.toThrow(`${server.url}/v1/customers/{customerId} needs the path parameter customerId`);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('multipart upload (importCSV)', () => {
  const csv = 'source_id,name\ncrm-1,Ada\n';

  async function uploaded(file: Blob | ArrayBuffer | Uint8Array | string) {
    const { data, error, response } = await client().POST('/v1/customers/importCSV', { body: { file } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
    expect(data?.async_action_id).toBe('aa_1');
    const request = server.requests.at(-1);
    const contentType = String(request?.headers['content-type']);
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1];
    expect(boundary, contentType).toBeTruthy();
    return { body: request?.body.toString('utf8'), boundary };
  }

  const expected = (boundary: string | undefined, fileName: string, type: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${csv}\r\n--${boundary}--\r\n`;

  it('sends a string as a text/csv file part, with the boundary set by fetch', async () => {
    const { body, boundary } = await uploaded(csv);
    expect(body).toBe(expected(boundary, 'file.csv', 'text/csv'));
  });

  it('sends a Buffer and an ArrayBuffer the same way', async () => {
    const fromBuffer = await uploaded(Buffer.from(csv));
    expect(fromBuffer.body).toBe(expected(fromBuffer.boundary, 'file.csv', 'text/csv'));
    const fromArrayBuffer = await uploaded(new TextEncoder().encode(csv).buffer as ArrayBuffer);
    expect(fromArrayBuffer.body).toBe(expected(fromArrayBuffer.boundary, 'file.csv', 'text/csv'));
  });

  it('keeps a File its name and type, and gives a typeless Blob the documented type', async () => {
    const file = await uploaded(new File([csv], 'customers.csv', { type: 'text/csv; charset=utf-8' }));
    expect(file.body).toBe(expected(file.boundary, 'customers.csv', 'text/csv; charset=utf-8'));
    const blob = await uploaded(new Blob([csv]));
    expect(blob.body).toBe(expected(blob.boundary, 'file.csv', 'text/csv'));
  });

  it('leaves JSON operations JSON', async () => {
    await client().POST('/v1/customers', { body: { source_id: 'crm-1' } });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.body.toString()).toBe('{"source_id":"crm-1"}');
  });
});
