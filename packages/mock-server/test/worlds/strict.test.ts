/**
 * Strict mode (`--credentials`, the `credentials` option): only the configured values pass, and there is one
 * world, as before worlds existed. The 401 says what is expected without ever printing the values.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Mock, mewsTokens, startMock } from '../helpers.js';

const configured = {
  voucherify: { 'X-App-Id': 'real-app', 'X-App-Token': 'real-app-secret' },
  'mews-connector': { AccessToken: 'real-access-secret' },
};
let mock: Mock;
beforeAll(async () => {
  mock = await startMock({ credentials: configured });
});
afterAll(() => mock.server.close());

const getAll = '/api/connector/v1/voucherCodes/getAll';
const filter = { VoucherIds: ['fe568bbd-1ecb-4bb2-bf77-96c3698de20d'], Limitation: { Count: 10 } };

it('refuses every key set but the configured one, saying they must equal the configured values', async () => {
  expect(mock.server.strictCredentials).toBe(true);
  for (const headers of <Record<string, string>[]>[
    { 'X-App-Id': 'mock-app-id', 'X-App-Token': 'mock-app-token' },
    { 'X-App-Id': 'real-app', 'X-App-Token': 'anything' },
    { 'X-App-Id': 'team-a', 'X-App-Token': 'team-a-secret' },
    { Authorization: 'Bearer team-a-oauth-token' },
  ]) {
    const refused = await mock.call('GET', '/v1/customers', { headers });
    expect(refused.status).toBe(401);
    expect(refused.body.details).toBe(
      'This operation requires valid X-App-Id + X-App-Token or an OAuth bearer token. They must equal the ' +
        'values this mock was started with (--credentials, the credentials option).',
    );
  }
  const accepted = await mock.call('GET', '/v1/customers', { headers: configured.voucherify });
  expect(accepted.status).toBe(200);
});

it('refuses Mews tokens but the configured ones, in the Mews body', async () => {
  const refused = await mock.call('POST', getAll, { body: { ...mewsTokens, ...filter } });
  expect(refused.status).toBe(401);
  expect(refused.body.Message).toBe(
    'Invalid AccessToken. ClientToken and AccessToken must equal the values this mock was started with ' +
      '(--credentials, the credentials option).',
  );
  const accepted = await mock.call('POST', getAll, {
    body: { ...mewsTokens, AccessToken: 'real-access-secret', ...filter },
  });
  expect(accepted.status).toBe(200);
});

it('keeps one world: X-Vouchspec-World changes nothing', async () => {
  const headers = { ...configured.voucherify, 'X-Vouchspec-World': 'elsewhere' };
  expect((await mock.call('POST', '/v1/customers', { headers, body: { source_id: 's-1' } })).status).toBe(
    200,
  );
  expect(mock.server.state.customers.size).toBe(1);
  const worlds = await mock.call('GET', '/__admin/worlds');
  expect(worlds.body.worlds.map((world: { name: string }) => world.name)).toEqual(['default']);
});
