/**
 * The admin endpoints through a running mock: a web page (another Origin, a rebound Host name, a form post)
 * cannot reset, seed or read the state; test processes and curl can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportState } from '../../src/seed.js';
import { appKeys, type Mock, startMock } from '../helpers.js';
import { rawRequest } from './raw-http.js';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock({ adminHosts: ['mock.internal'] });
  await mock.call('POST', '/v1/customers', { headers: appKeys, body: { source_id: 'kept' } });
});
afterAll(() => mock.server.close());

const request = (method: string, path: string, headers: string[], body = '') =>
  rawRequest(
    mock.server.port,
    `${method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );

describe('/__admin from a browser', () => {
  it.each([
    [
      'a cross-site text/plain reset',
      'POST',
      '/__admin/reset',
      ['Host: 127.0.0.1', 'Origin: https://evil.example', 'Content-Type: text/plain'],
      'x',
    ],
    [
      'a cross-site seed',
      'POST',
      '/__admin/seed',
      ['Host: 127.0.0.1', 'Origin: https://evil.example', 'Content-Type: application/json'],
      '{}',
    ],
    [
      'a form post without Origin',
      'POST',
      '/__admin/seed',
      ['Host: 127.0.0.1', 'Content-Type: application/x-www-form-urlencoded'],
      'a=1',
    ],
    ['a DNS-rebound read', 'GET', '/__admin/state', ['Host: attacker.example'], ''],
    ['a sandboxed page', 'POST', '/__admin/reset', ['Host: localhost', 'Origin: null'], ''],
    [
      'a fetch from another site',
      'GET',
      '/__admin/state',
      ['Host: localhost', 'Sec-Fetch-Site: cross-site'],
      '',
    ],
  ])(
    'refuses %s with a 403 that says why, and changes nothing',
    async (_name, method, path, headers, body) => {
      const before = exportState(mock.server.state);
      const res = await request(method, path, headers, body);
      expect(res.status).toBe(403);
      expect((res.body as { error: string }).error).toMatch(/admin endpoints/);
      expect(exportState(mock.server.state)).toEqual(before);
      expect(mock.server.state.customers.size).toBe(1);
    },
  );

  it('names the option that allows another host', async () => {
    const res = await request('GET', '/__admin/state', ['Host: mock.example:4010'], '');
    expect((res.body as { error: string }).error).toMatch(/--admin-host mock\.example .*adminHosts/);
  });

  it.each([
    ['an IP address', 'Host: 127.0.0.1'],
    ['localhost', 'Host: localhost:4010'],
    ['a name allowed with adminHosts', 'Host: mock.internal:4010'],
    ['a same-origin page', 'Host: localhost:4010\r\nOrigin: http://localhost:4010'],
  ])('serves %s', async (_name, headers) => {
    const res = await request('GET', '/__admin/operations', [headers], '');
    expect(res.status).toBe(200);
  });
});
