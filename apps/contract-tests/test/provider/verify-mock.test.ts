import { createMockServer, type MockServer } from '@vouchspec/mock-server';
import { apiIds } from '@vouchspec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholders } from '../../src/credentials.js';
import { pactFile } from '../../src/pact.js';
import { verifyPact } from '../../src/verify.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ validateResponses: true });
});
afterAll(() => mock.close());

describe.each(apiIds)('provider %s against the mock server', (provider) => {
  it('honours every interaction of the pact', async () => {
    const results = await verifyPact(
      { provider, baseUrl: mock.url, kind: 'mock', credentials: placeholders },
      pactFile(provider),
    );
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.verdict !== 'passed')).toEqual([]);
  });
});
