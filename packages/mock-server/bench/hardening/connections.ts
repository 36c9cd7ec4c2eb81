/** 3. 200 connections for 10 s: reads and upserts of a small customer, alternating on every connection. */
import autocannon from 'autocannon';
import { appKeys } from '../support.js';
import { createCustomer } from './customers.js';
import { startMock } from './mocks.js';
import { settings } from './settings.js';

export async function manyConnections() {
  const mock = await startMock('200 connections');
  try {
    const readTarget = { source_id: 'crm-read', name: 'Read', email: 'read@example.com' };
    await createCustomer(mock, readTarget, 'the read customer');
    let upserts = 0;
    return await autocannon({
      url: mock.url,
      connections: settings.connections,
      duration: settings.seconds,
      requests: [
        { method: 'GET', path: `/v1/customers/${readTarget.source_id}`, headers: appKeys },
        {
          method: 'POST',
          path: '/v1/customers',
          headers: { ...appKeys, 'Content-Type': 'application/json' },
          // 1,000 source_ids in turn: creates at first, updates after that, and the state stays small.
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              source_id: `crm-load-${upserts++ % 1000}`,
              name: 'Load',
              metadata: { n: upserts },
            }),
          }),
        },
      ],
    });
  } finally {
    await mock.stop();
  }
}
