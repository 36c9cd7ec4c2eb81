/**
 * No credential value a client sends (tokens, secrets, OAuth and Mews tokens) shows in the log lines,
 * `/__admin/worlds` or any error body, whichever world it lands in.
 */
import { expect, it } from 'vitest';
import { startMock } from '../helpers.js';

const secrets = [
  'app-secret-1',
  'management-secret-2',
  'oauth-secret-3',
  'client-secret-4',
  'access-secret-5',
];

it('keeps every token out of logs, the world list and error bodies', async () => {
  const lines: string[] = [];
  const { server, call } = await startMock({ onLog: (line) => lines.push(line) });
  const bodies: unknown[] = [];
  const keep = async (pending: ReturnType<typeof call>) => {
    const res = await pending;
    bodies.push(res.body);
    return res.status;
  };
  try {
    const app = { 'X-App-Id': 'team', 'X-App-Token': 'app-secret-1' };
    const management = { 'X-Management-Id': 'ops', 'X-Management-Token': 'management-secret-2' };
    const oauth = { Authorization: 'Bearer oauth-secret-3' };
    const mews = { ClientToken: 'client-secret-4', AccessToken: 'access-secret-5', Client: 'tests' };
    const filter = { VoucherIds: ['fe568bbd-1ecb-4bb2-bf77-96c3698de20d'], Limitation: { Count: 10 } };
    const statuses = [
      await keep(call('GET', '/v1/customers', { headers: app })),
      await keep(call('GET', '/v1/customers/cust_missing', { headers: app })),
      await keep(call('GET', '/v1/customers', { headers: oauth })),
      await keep(call('POST', '/v1/customers', { headers: oauth, body: { address: 7 } })),
      await keep(call('GET', '/management/v1/projects', { headers: management })),
      await keep(call('GET', '/management/v1/projects/proj_missing', { headers: management })),
      await keep(call('GET', '/management/v1/projects', { headers: { ...management, 'X-App-Id': 'x' } })),
      await keep(call('POST', '/api/connector/v1/voucherCodes/getAll', { body: { ...mews, ...filter } })),
      await keep(call('POST', '/api/connector/v1/voucherCodes/getAll', { body: mews })),
      await keep(
        call('POST', '/api/connector/v1/voucherCodes/getAll', { body: { AccessToken: mews.AccessToken } }),
      ),
    ];
    expect(statuses).toEqual([200, 404, 200, 400, 200, 404, 200, 200, 400, 401]);
    const worlds = await call('GET', '/__admin/worlds');
    // default, app:team, oauth:…, management:ops, app:x and mews:…
    expect(worlds.body.worlds).toHaveLength(6);
    const seen = JSON.stringify([lines, worlds.body, bodies]);
    for (const secret of secrets) expect(seen).not.toContain(secret);
  } finally {
    await server.close();
  }
});
