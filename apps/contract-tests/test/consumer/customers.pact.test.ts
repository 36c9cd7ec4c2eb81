import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoucherifySchemas } from '@vouchspec/client';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidBodyInteraction, invalidCredentialsInteraction } from './shared-interactions.js';
import {
  appKeys,
  createPact,
  invalidAppKeys,
  invalidAppOptions,
  requestExample,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const customersPath = '/v1/customers';
const customerPath = '/v1/customers/{customerId}';
const consentsPath = '/v1/customers/{customerId}/consents';
const permanentDeletionPath = '/v1/customers/{customerId}/permanent-deletion';
const importPath = '/v1/customers/importCSV';
const bulkPath = '/v1/customers/bulk/async';
const metadataPath = '/v1/customers/metadata/async';

/**
 * Customers are addressed by `source_id` as well as by id, and the client chooses the `source_id`, so most
 * paths are literal: the provider state creates the customer under this `source_id`.
 */
const existingSourceId = 'vouchspec-contract-customer';
const existing = { source_id: existingSourceId };
/** The `source_id` createCustomer sends; a provider state removes the customer again. */
const createdSourceId = 'vouchspec-contract-created';
/** An id no server has: Voucherify ids are `cust_` and 24 characters from a base-62 alphabet. */
const missingCustomerId = 'cust_vouchspecMissing00000000';
/** The `source_id`s the bulk operations and the import create, in place of the documented CRM ids. */
const contractSourceId = (kind: 'bulk' | 'meta' | 'import', index: number) =>
  `vouchspec-contract-${kind}-${index + 1}`;

const existingPath = (template: typeof customerPath | typeof consentsPath | typeof permanentDeletionPath) =>
  requestPath('voucherify', template, { customerId: existingSourceId });
const missingPath = (template: typeof customerPath | typeof consentsPath | typeof permanentDeletionPath) =>
  requestPath('voucherify', template, { customerId: missingCustomerId });

function customerCreate(): VoucherifySchemas['CustomerCreate'] {
  return {
    ...requestExample<VoucherifySchemas['CustomerCreate']>('voucherify', 'createCustomer'),
    source_id: createdSourceId,
  };
}

/** The documented bulk update, addressed to this suite's customers instead of the documented CRM ids. */
function bulkUpdate(): VoucherifySchemas['CustomerBulkUpdate'][] {
  return requestExample<VoucherifySchemas['CustomerBulkUpdate'][]>('voucherify', 'updateCustomersInBulk').map(
    (update, index) => ({ ...update, source_id: contractSourceId('bulk', index) }),
  );
}

function metadataUpdate(): VoucherifySchemas['CustomerMetadataBulkUpdate'] {
  const example = requestExample<VoucherifySchemas['CustomerMetadataBulkUpdate']>(
    'voucherify',
    'updateCustomersMetadataInBulk',
  );
  return { ...example, source_ids: example.source_ids.map((_, index) => contractSourceId('meta', index)) };
}

/** The documented CSV file, its rows addressed to this suite's customers. */
function importCsv(): string {
  const { file } = requestExample<{ file: string }>(
    'voucherify',
    'importCustomersUsingCsv',
    'multipart/form-data',
  );
  const [header = '', ...rows] = file.trimEnd().split('\n');
  const renamed = rows.map((row, index) => row.replace(/^[^,]*/, contractSourceId('import', index)));
  return `${[header, ...renamed].join('\n')}\n`;
}

/** The `source_id`s in the first column of a CSV file's rows. */
function csvSourceIds(csv: string): string[] {
  return csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((row) => row.split(',')[0] ?? '');
}

/** The documented CSV file without its `Source_id` column, which every import needs. */
function csvWithoutSourceIds(): string {
  return importCsv()
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^[^,]*,/, ''))
    .join('\n')
    .concat('\n');
}

/**
 * Pact reads a multipart file part from disk; the client sends the same text. The part's declared type comes
 * from the file name (`.csv` → `text/csv`, compared exactly); the content itself is matched by what it looks
 * like, and Pact detects CSV text as `text/plain`, so that is the type its content is expected to have.
 */
const csvContent = 'text/plain';
const uploadDir = mkdtempSync(join(tmpdir(), 'vouchspec-customers-'));
function uploadFile(name: string, content: string): string {
  const file = join(uploadDir, name);
  writeFileSync(file, content);
  return file;
}

describe('Customers', () => {
  afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

  describe('listCustomers', () => {
    const email = 'vouchspec.contract@example.com';

    it('listCustomers: filters by email and reads one page of ten', async () => {
      await pact
        .addInteraction()
        .given(states.customerExists, { ...existing, email })
        .uponReceiving('listCustomers: the customers with an email address, ten per page')
        .withRequest('GET', customersPath, (b) => b.headers(appKeys).query({ email, limit: '10', page: '1' }))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomers', 200, {
              include: ['customers[].id', 'customers[].source_id', 'customers[].email', 'has_more'],
              nonEmpty: ['customers'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(customersPath, { params: { query: { email, limit: 10, page: 1 } } })
            .then(unwrap);
          expect(list.data_ref).toBe('customers');
          expect(list.customers.length).toBeGreaterThan(0);
          expect(list.customers[0]?.id).toMatch(/^cust_/);
          expect(list.total).toBeGreaterThanOrEqual(list.customers.length);
        });
    });

    it('listCustomers: sends a created_at[after] bound with its literal bracketed name', async () => {
      const after = '2020-01-01T00:00:00.000Z';
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('listCustomers: customers created after a moment, oldest first')
        .withRequest('GET', customersPath, (b) =>
          b.headers(appKeys).query({ 'created_at[after]': after, order: 'created_at' }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomers', 200, {
              include: ['customers[].id', 'customers[].created_at'],
              nonEmpty: ['customers'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(customersPath, { params: { query: { 'created_at[after]': after, order: 'created_at' } } })
            .then(unwrap);
          expect(list.customers.length).toBeGreaterThan(0);
          for (const customer of list.customers)
            expect(Date.parse(customer.created_at ?? '')).toBeGreaterThan(Date.parse(after));
        });
    });

    it('listCustomers: rejects a limit above 100', async () => {
      await pact
        .addInteraction()
        .uponReceiving('listCustomers: a limit above 100')
        .withRequest('GET', customersPath, (b) => b.headers(appKeys).query({ limit: '101' }))
        .willRespondWith(400, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'listCustomers', 400, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).GET(customersPath, {
            params: { query: { limit: 101 } },
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_payload');
        });
    });

    it('listCustomers: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listCustomers'));
  });

  describe('createCustomer', () => {
    it('createCustomer: creates a customer from the documented details', async () => {
      const body = customerCreate();
      await pact
        .addInteraction()
        .given(states.createdCustomersRemoved, { sourceIds: [createdSourceId] })
        .uponReceiving('createCustomer: a new customer with a source_id')
        .withRequest('POST', customersPath, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createCustomer', 200, {
              include: ['id', 'source_id', 'name', 'email', 'address.city', 'created_at'],
              values: { source_id: createdSourceId, name: body.name, email: body.email },
            }),
          ),
        )
        .executeTest(async (server) => {
          const customer = await voucherifyClient(server.url).POST(customersPath, { body }).then(unwrap);
          expect(customer.object).toBe('customer');
          expect(customer.id).toMatch(/^cust_/);
          expect(customer.source_id).toBe(createdSourceId);
          expect(customer.email).toBe(body.email);
        });
    });

    it('createCustomer: updates the customer whose source_id it is sent', async () => {
      const { name } = customerCreate();
      const body = { source_id: existingSourceId, name: `${name} Jr.` };
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('createCustomer: a source_id that names an existing customer')
        .withRequest('POST', customersPath, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createCustomer', 200, {
              include: ['id', 'source_id', 'name'],
              values: body,
            }),
          ),
        )
        .executeTest(async (server) => {
          const customer = await voucherifyClient(server.url).POST(customersPath, { body }).then(unwrap);
          expect(customer.source_id).toBe(existingSourceId);
          expect(customer.name).toBe(body.name);
        });
    });

    it('createCustomer: rejects a wrongly typed email', async () => {
      const body = { ...customerCreate(), email: 42 };
      await invalidBodyInteraction(pact, 'voucherify', 'createCustomer', {
        description: 'a non-string email',
        body: body,
      });
    });

    it('createCustomer: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'createCustomer'));
  });

  describe('getCustomer', () => {
    it('getCustomer: returns a customer looked up by source_id', async () => {
      const { path, params } = existingPath(customerPath);
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('getCustomer: an existing customer by source_id')
        .withRequest('GET', path, (b) => b.headers(appKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getCustomer', 200, {
              include: ['id', 'source_id', 'name', 'email', 'created_at', 'updated_at'],
              values: existing,
            }),
          ),
        )
        .executeTest(async (server) => {
          const customer = await voucherifyClient(server.url)
            .GET(customerPath, { params: { path: { customerId: params.customerId } } })
            .then(unwrap);
          expect(customer.object).toBe('customer');
          expect(customer.id).toMatch(/^cust_/);
          expect(customer.source_id).toBe(existingSourceId);
        });
    });

    it('getCustomer: returns a customer looked up by its Voucherify id', async () => {
      const { path, params } = requestPath('voucherify', customerPath);
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('getCustomer: an existing customer by Voucherify id')
        .withRequest('GET', path, (b) => b.headers(appKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getCustomer', 200, {
              include: ['id', 'source_id'],
              values: existing,
            }),
          ),
        )
        .executeTest(async (server) => {
          const customer = await voucherifyClient(server.url)
            .GET(customerPath, { params: { path: { customerId: params.customerId } } })
            .then(unwrap);
          expect(customer.id).toMatch(/^cust_/);
          expect(customer.source_id).toBe(existingSourceId);
        });
    });

    it('getCustomer: answers 404 for an unknown customer', async () => {
      const { path } = missingPath(customerPath);
      await pact
        .addInteraction()
        .uponReceiving('getCustomer: a customer that does not exist')
        .withRequest('GET', path, (b) => b.headers(appKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getCustomer', 404, {
              include: ['key', 'resource_id', 'resource_type'],
              exact: ['resource_id', 'resource_type'],
              values: { resource_id: missingCustomerId, resource_type: 'customer' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).GET(customerPath, {
            params: { path: { customerId: missingCustomerId } },
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'customer' });
        });
    });

    it('getCustomer: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getCustomer'));
  });

  describe('updateCustomer', () => {
    const body = requestExample<VoucherifySchemas['CustomerProfile']>('voucherify', 'updateCustomer');

    it('updateCustomer: changes the details it is sent', async () => {
      const { path, params } = existingPath(customerPath);
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('updateCustomer: the documented phone and metadata change')
        .withRequest('PUT', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateCustomer', 200, {
              include: ['id', 'source_id', 'phone', 'metadata'],
              values: { ...existing, phone: body.phone },
            }),
          ),
        )
        .executeTest(async (server) => {
          const customer = await voucherifyClient(server.url)
            .PUT(customerPath, { params: { path: { customerId: params.customerId } }, body })
            .then(unwrap);
          expect(customer.source_id).toBe(existingSourceId);
          expect(customer.phone).toBe(body.phone);
        });
    });

    it('updateCustomer: rejects a wrongly typed phone', async () => {
      const { path, params } = existingPath(customerPath);
      const invalid = { ...body, phone: 442079460958 };
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('updateCustomer: a non-string phone')
        .withRequest('PUT', path, (b) => b.headers(appKeys).jsonBody(invalid))
        .willRespondWith(400, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'updateCustomer', 400, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(customerPath, {
            params: { path: { customerId: params.customerId } },
            body: invalid as unknown as VoucherifySchemas['CustomerProfile'],
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_payload');
        });
    });

    it('updateCustomer: answers 404 for an unknown customer', async () => {
      const { path } = missingPath(customerPath);
      await pact
        .addInteraction()
        .uponReceiving('updateCustomer: a customer that does not exist')
        .withRequest('PUT', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateCustomer', 404, {
              include: ['key', 'resource_type'],
              exact: ['resource_type'],
              values: { resource_type: 'customer' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(customerPath, {
            params: { path: { customerId: missingCustomerId } },
            body,
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'customer' });
        });
    });

    it('updateCustomer: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateCustomer'));
  });

  describe('deleteCustomer', () => {
    it('deleteCustomer: deletes a customer', async () => {
      const { path, params } = existingPath(customerPath);
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('deleteCustomer: an existing customer by source_id')
        .withRequest('DELETE', path, (b) => b.headers(appKeys))
        .willRespondWith(204)
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(customerPath, {
            params: { path: { customerId: params.customerId } },
          });
          expect(error).toBeUndefined();
          expect(response.status).toBe(204);
        });
    });

    it('deleteCustomer: answers 404 for an unknown customer', async () => {
      const { path } = missingPath(customerPath);
      await pact
        .addInteraction()
        .uponReceiving('deleteCustomer: a customer that does not exist')
        .withRequest('DELETE', path, (b) => b.headers(appKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'deleteCustomer', 404, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(customerPath, {
            params: { path: { customerId: missingCustomerId } },
          });
          expect(response.status).toBe(404);
          expect(error?.key).toBe('not_found');
        });
    });

    it('deleteCustomer: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteCustomer'));
  });

  describe('deleteCustomerPermanently', () => {
    it('deleteCustomerPermanently: erases a customer and reports what was erased', async () => {
      const { path, params } = existingPath(permanentDeletionPath);
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('deleteCustomerPermanently: an existing customer by source_id')
        .withRequest('POST', path, (b) => b.headers(appKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'deleteCustomerPermanently', 200)),
        )
        .executeTest(async (server) => {
          const deletion = await voucherifyClient(server.url)
            .POST(permanentDeletionPath, { params: { path: { customerId: params.customerId } } })
            .then(unwrap);
          expect(deletion.object).toBe('pernament_deletion');
          expect(deletion.related_object).toBe('customer');
          expect(deletion.related_object_id).toMatch(/^cust_/);
          expect(deletion.data_json.customer).toBe(1);
        });
    });

    it('deleteCustomerPermanently: answers 404 for an unknown customer', async () => {
      const { path } = missingPath(permanentDeletionPath);
      await pact
        .addInteraction()
        .uponReceiving('deleteCustomerPermanently: a customer that does not exist')
        .withRequest('POST', path, (b) => b.headers(appKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'deleteCustomerPermanently', 404, {
              include: ['key', 'resource_type'],
              exact: ['resource_type'],
              values: { resource_type: 'customer' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(permanentDeletionPath, {
            params: { path: { customerId: missingCustomerId } },
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'customer' });
        });
    });

    it('deleteCustomerPermanently: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteCustomerPermanently'));
  });

  describe('importCustomersUsingCsv', () => {
    it('importCustomersUsingCsv: queues the import of a CSV file', async () => {
      const csv = importCsv();
      await pact
        .addInteraction()
        .given(states.createdCustomersRemoved, { sourceIds: csvSourceIds(csv) })
        .uponReceiving('importCustomersUsingCsv: the documented CSV file')
        .withRequest('POST', importPath, (b) =>
          b.headers(appKeys).multipartBody(csvContent, uploadFile('customers.csv', csv), 'file'),
        )
        .willRespondWith(202, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'importCustomersUsingCsv', 202)),
        )
        .executeTest(async (server) => {
          const queued = await voucherifyClient(server.url)
            .POST(importPath, { body: { file: csv } })
            .then(unwrap);
          expect(queued.async_action_id).toMatch(/^aa_/);
        });
    });

    it('importCustomersUsingCsv: rejects a CSV file without a source_id column', async () => {
      const csv = csvWithoutSourceIds();
      await pact
        .addInteraction()
        .uponReceiving('importCustomersUsingCsv: a CSV file without a Source_id column')
        .withRequest('POST', importPath, (b) =>
          b.headers(appKeys).multipartBody(csvContent, uploadFile('no-source-ids.csv', csv), 'file'),
        )
        .willRespondWith(400, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'importCustomersUsingCsv', 400, { include: ['key', 'details'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(importPath, {
            body: { file: csv },
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_payload');
          expect(error?.details).toBeTruthy();
        });
    });

    it('importCustomersUsingCsv: rejects invalid application keys', async () => {
      const csv = importCsv();
      await pact
        .addInteraction()
        .uponReceiving('importCustomersUsingCsv: invalid application keys')
        .withRequest('POST', importPath, (b) =>
          b.headers(invalidAppKeys).multipartBody(csvContent, uploadFile('customers.csv', csv), 'file'),
        )
        .willRespondWith(401, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'importCustomersUsingCsv', 401)),
        )
        .executeTest(async (server) => {
          const { response } = await voucherifyClient(server.url, invalidAppOptions).POST(importPath, {
            body: { file: csv },
          });
          expect(response.status).toBe(401);
        });
    });
  });

  describe('updateCustomerConsents', () => {
    /** The documented `unsubscribeAll` example: it names no consent, so it holds on every project. */
    const unsubscribeAll: VoucherifySchemas['CustomerConsents'] = { unsubscribed: true };

    it('updateCustomerConsents: withdraws every consent of a customer', async () => {
      const { path, params } = existingPath(consentsPath);
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('updateCustomerConsents: unsubscribed from every consent')
        .withRequest('PUT', path, (b) => b.headers(appKeys).jsonBody(unsubscribeAll))
        .willRespondWith(204)
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(consentsPath, {
            params: { path: { customerId: params.customerId } },
            body: unsubscribeAll,
          });
          expect(error).toBeUndefined();
          expect(response.status).toBe(204);
        });
    });

    it('updateCustomerConsents: rejects a consent the project does not define', async () => {
      const { path, params } = existingPath(consentsPath);
      const body = { vouchspec_missing_consent: true };
      await pact
        .addInteraction()
        .given(states.customerExists, existing)
        .uponReceiving('updateCustomerConsents: a consent that does not exist')
        .withRequest('PUT', path, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(400, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateCustomerConsents', 400, {
              include: ['key'],
              values: { key: 'invalid_consent' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(consentsPath, {
            params: { path: { customerId: params.customerId } },
            body,
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_consent');
          expect(error?.details).toBeTruthy();
        });
    });

    it('updateCustomerConsents: answers 400 for an unknown customer', async () => {
      const { path } = missingPath(consentsPath);
      await pact
        .addInteraction()
        .uponReceiving('updateCustomerConsents: a customer that does not exist')
        .withRequest('PUT', path, (b) => b.headers(appKeys).jsonBody(unsubscribeAll))
        .willRespondWith(400, (b) => b.jsonBody(responseMatcher('voucherify', 'updateCustomerConsents', 400)))
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(consentsPath, {
            params: { path: { customerId: missingCustomerId } },
            body: unsubscribeAll,
          });
          expect(response.status).toBe(400);
          expect(error?.details).toBeTruthy();
        });
    });

    it('updateCustomerConsents: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateCustomerConsents'));
  });

  describe('updateCustomersInBulk', () => {
    it('updateCustomersInBulk: queues the update of several customers', async () => {
      const body = bulkUpdate();
      await pact
        .addInteraction()
        .given(states.createdCustomersRemoved, { sourceIds: body.map((update) => update.source_id) })
        .uponReceiving('updateCustomersInBulk: the documented updates of two customers')
        .withRequest('POST', bulkPath, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(202, (b) => b.jsonBody(responseMatcher('voucherify', 'updateCustomersInBulk', 202)))
        .executeTest(async (server) => {
          const queued = await voucherifyClient(server.url).POST(bulkPath, { body }).then(unwrap);
          expect(queued.async_action_id).toMatch(/^aa_/);
        });
    });

    it('updateCustomersInBulk: rejects an update without a source_id', async () => {
      const [{ source_id: _sourceId, ...first } = { source_id: '' }, ...rest] = bulkUpdate();
      const body = [first, ...rest];
      await invalidBodyInteraction(pact, 'voucherify', 'updateCustomersInBulk', {
        description: 'an update without the required source_id',
        body: body,
      });
    });

    it('updateCustomersInBulk: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateCustomersInBulk'));
  });

  describe('updateCustomersMetadataInBulk', () => {
    it('updateCustomersMetadataInBulk: queues one metadata change for several customers', async () => {
      const body = metadataUpdate();
      await pact
        .addInteraction()
        .given(states.createdCustomersRemoved, { sourceIds: body.source_ids })
        .uponReceiving('updateCustomersMetadataInBulk: the documented metadata for three customers')
        .withRequest('POST', metadataPath, (b) => b.headers(appKeys).jsonBody(body))
        .willRespondWith(202, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'updateCustomersMetadataInBulk', 202)),
        )
        .executeTest(async (server) => {
          const queued = await voucherifyClient(server.url).POST(metadataPath, { body }).then(unwrap);
          expect(queued.async_action_id).toMatch(/^aa_/);
        });
    });

    it('updateCustomersMetadataInBulk: rejects a change without metadata', async () => {
      const { metadata: _metadata, ...body } = metadataUpdate();
      await invalidBodyInteraction(pact, 'voucherify', 'updateCustomersMetadataInBulk', {
        description: 'a body without the required metadata',
        body: body,
      });
    });

    it('updateCustomersMetadataInBulk: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateCustomersMetadataInBulk'));
  });
});
