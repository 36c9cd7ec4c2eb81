/**
 * Issue #16, acceptance 2: the vendor's own SDK, configured with keys the mock has never seen, completes a
 * create–get–update–list–delete round of customers, in the world its application id names.
 */
import { VoucherifyServerSide } from '@voucherify/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/server.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ validateResponses: true });
});
afterAll(() => mock.close());

it('runs a customers round with arbitrary keys', async () => {
  const client = VoucherifyServerSide({
    applicationId: 'sdk-team-app',
    secretKey: 'sdk-team-secret',
    apiUrl: mock.url,
  });
  const created = await client.customers.create({ source_id: 'sdk-1', name: 'Ada' });
  expect(created).toMatchObject({ object: 'customer', source_id: 'sdk-1', name: 'Ada' });
  // The SDK types an unconfirmed customer without an id; the mock confirms every one it creates.
  const id = 'id' in created ? created.id : '';
  expect(await client.customers.get(id)).toMatchObject({ id, name: 'Ada' });
  const updated = await client.customers.update({ id, email: 'ada@example.com' });
  expect(updated).toMatchObject({ id, email: 'ada@example.com' });
  const listed = await client.customers.list({ limit: 10 });
  expect(listed.customers.map((customer) => customer.source_id)).toEqual(['sdk-1']);
  await client.customers.delete(id);
  expect((await client.customers.list({ limit: 10 })).customers).toEqual([]);
  // The round happened in the SDK's own world: its customer's activities are logged there.
  expect(mock.world('app:sdk-team-app').activities.size).toBeGreaterThan(0);
  expect(mock.state.customers.size).toBe(0);
});
