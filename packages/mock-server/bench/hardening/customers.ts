/** Customers to fill a mock with, as stored records, seeded in batches through `POST /__admin/seed`. */
import { call, expectStatus, type Mock } from './mocks.js';
import { MiB } from './settings.js';

export function customer(id: string, sourceId: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    source_id: sourceId,
    name: `Customer ${sourceId}`,
    email: `${sourceId}@example.com`,
    summary: null,
    loyalty: null,
    referrals: null,
    created_at: '2026-01-01T09:00:00.000Z',
    object: 'customer',
    ...extra,
  };
}

/** Seeds customers in batches no larger than `batchBytes` of JSON; returns how many were seeded. */
export async function seedCustomers(
  mock: Mock,
  count: number,
  make: (index: number) => Record<string, unknown>,
  batchBytes = 6 * MiB,
): Promise<{ seeded: number; bytes: number }> {
  let seeded = 0;
  let bytes = 0;
  let batch: Record<string, unknown>[] = [];
  let batchSize = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const reply = await expectStatus(
      call(mock, 'POST', '/__admin/seed', { voucherify: { customers: batch } }),
      200,
      `seeding ${batch.length} customers into ${mock.name}`,
    );
    seeded += (JSON.parse(reply.body.toString()) as { seeded: Record<string, number> }).seeded[
      'voucherify.customers'
    ] as number;
    batch = [];
    batchSize = 0;
  };
  for (let index = 0; index < count; index++) {
    const item = make(index);
    const size = JSON.stringify(item).length + 1;
    if (batchSize + size > batchBytes) await flush();
    batch.push(item);
    batchSize += size;
    bytes += size;
  }
  await flush();
  return { seeded, bytes };
}

/** Creates a customer the way a client does, which must succeed. */
export async function createCustomer(mock: Mock, body: { source_id: string }, what: string): Promise<void> {
  await expectStatus(call(mock, 'POST', '/v1/customers', body), 200, `creating ${what} on ${mock.name}`);
}
