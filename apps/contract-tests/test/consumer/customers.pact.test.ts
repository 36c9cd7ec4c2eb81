import { createVoucherifyClient, type VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { invalidCredential, placeholders, placeholderVoucherifyCredentials } from '../../src/credentials.js';
import { createPact } from '../../src/pact.js';
import { requestExample, responseMatcher } from '../../src/spec-matchers.js';

const pact = createPact('voucherify');
const appKeys = {
  'X-App-Id': placeholders.voucherify['X-App-Id'],
  'X-App-Token': placeholders.voucherify['X-App-Token'],
};
const existing = { source_id: 'pact-customer-0001', name: 'Contract Test Customer' };
const missing = 'pact-customer-missing';

const client = (baseUrl: string, credentials = placeholderVoucherifyCredentials) =>
  createVoucherifyClient({ baseUrl, ...credentials });

describe('Customers', () => {
  describe('createCustomer', () => {
    it('creates a customer from the documented example', async () => {
      const body = requestExample<VoucherifySchemas['CustomerCreate']>('voucherify', 'createCustomer');
      await pact
        .addInteraction()
        .uponReceiving('a request to create a customer')
        .withRequest('POST', '/v1/customers', (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createCustomer', 200, {
              include: ['id', 'source_id', 'name', 'email', 'created_at'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const { data, error } = await client(server.url).POST('/v1/customers', { body });
          expect(error).toBeUndefined();
          expect(data?.object).toBe('customer');
          expect(data?.id).toMatch(/^cust_/);
        });
    });

    it('rejects a body with a wrongly typed field', async () => {
      const body = { source_id: 'pact-invalid', email: 42 } as unknown as VoucherifySchemas['CustomerCreate'];
      await pact
        .addInteraction()
        .uponReceiving('a request to create a customer with a non-string email')
        .withRequest('POST', '/v1/customers', (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(400, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'createCustomer', 400, { include: ['code', 'key'] })),
        )
        .executeTest(async (server) => {
          const { data, error, response } = await client(server.url).POST('/v1/customers', { body });
          expect(data).toBeUndefined();
          expect(response.status).toBe(400);
          expect(error?.code).toBe(400);
        });
    });
  });

  describe('getCustomer', () => {
    it('returns a customer looked up by source_id', async () => {
      await pact
        .addInteraction()
        .given('a customer exists', existing)
        .uponReceiving('a request for a customer by source_id')
        .withRequest('GET', `/v1/customers/${existing.source_id}`, (b) => b.headers(appKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getCustomer', 200, {
              include: ['id', 'source_id', 'name', 'created_at'],
              values: existing,
            }),
          ),
        )
        .executeTest(async (server) => {
          const { data, error } = await client(server.url).GET('/v1/customers/{customerId}', {
            params: { path: { customerId: existing.source_id } },
          });
          expect(error).toBeUndefined();
          expect(data?.source_id).toBe(existing.source_id);
        });
    });

    it('answers 404 for an unknown customer', async () => {
      await pact
        .addInteraction()
        .given('no customer exists', { customerId: missing })
        .uponReceiving('a request for a customer that does not exist')
        .withRequest('GET', `/v1/customers/${missing}`, (b) => b.headers(appKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getCustomer', 404, { include: ['key', 'resource_type'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await client(server.url).GET('/v1/customers/{customerId}', {
            params: { path: { customerId: missing } },
          });
          expect(response.status).toBe(404);
          expect(error?.key).toBe('not_found');
        });
    });

    it('answers 401 when the application keys are wrong', async () => {
      await pact
        .addInteraction()
        .uponReceiving('a request for a customer with invalid application keys')
        .withRequest('GET', `/v1/customers/${existing.source_id}`, (b) =>
          b.headers({ 'X-App-Id': invalidCredential, 'X-App-Token': invalidCredential }),
        )
        .willRespondWith(401, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'getCustomer', 401, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await client(server.url, {
            ...placeholderVoucherifyCredentials,
            appId: invalidCredential,
            appToken: invalidCredential,
          }).GET('/v1/customers/{customerId}', { params: { path: { customerId: existing.source_id } } });
          expect(response.status).toBe(401);
          expect(error?.code).toBe(401);
        });
    });
  });

  describe('deleteCustomer', () => {
    it('deletes a customer', async () => {
      await pact
        .addInteraction()
        .given('a customer exists', existing)
        .uponReceiving('a request to delete a customer')
        .withRequest('DELETE', `/v1/customers/${existing.source_id}`, (b) => b.headers(appKeys))
        .willRespondWith(204)
        .executeTest(async (server) => {
          const { error, response } = await client(server.url).DELETE('/v1/customers/{customerId}', {
            params: { path: { customerId: existing.source_id } },
          });
          expect(error).toBeUndefined();
          expect(response.status).toBe(204);
        });
    });

    it('answers 404 when deleting an unknown customer', async () => {
      await pact
        .addInteraction()
        .given('no customer exists', { customerId: missing })
        .uponReceiving('a request to delete a customer that does not exist')
        .withRequest('DELETE', `/v1/customers/${missing}`, (b) => b.headers(appKeys))
        .willRespondWith(404, (b) => b.jsonBody(responseMatcher('voucherify', 'deleteCustomer', 404)))
        .executeTest(async (server) => {
          const { error, response } = await client(server.url).DELETE('/v1/customers/{customerId}', {
            params: { path: { customerId: missing } },
          });
          expect(response.status).toBe(404);
          expect(error?.code).toBe(404);
        });
    });
  });
});
