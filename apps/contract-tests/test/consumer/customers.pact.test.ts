import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { byExistingSourceId, existing, existingSourceId, unknownCustomer } from './customer-fixtures.js';
import { errorInteraction, successInteraction } from './interactions.js';
import { interactionTable, invalidBodyInteraction } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

const pact = createPact('voucherify');
/** The `source_id` createCustomer sends; a provider state removes the customer again. */
const createdSourceId = 'vouchspec-contract-created';

function customerCreate(): VoucherifySchemas['CustomerCreate'] {
  return { ...requestExample('voucherify', 'createCustomer'), source_id: createdSourceId };
}
const customerUpdate = requestExample<VoucherifySchemas['CustomerProfile']>('voucherify', 'updateCustomer');

describe('Customers', () => {
  it('listCustomers: filters by email and reads one page of ten', () => {
    const email = 'vouchspec.contract@example.com';
    return successInteraction(pact, 'listCustomers', {
      given: states.customerExists,
      stateParams: { ...existing, email },
      description: 'the customers with an email address, ten per page',
      query: { pact: { email, limit: '10', page: '1' }, client: { email, limit: 10, page: 1 } },
      matcher: {
        include: ['customers[].id', 'customers[].source_id', 'customers[].email', 'has_more'],
        nonEmpty: ['customers'],
      },
      check: (list) => {
        expect(list.data_ref).toBe('customers');
        expect(list.customers.length).toBeGreaterThan(0);
        expect(list.customers[0]?.id).toMatch(/^cust_/);
        expect(list.total).toBeGreaterThanOrEqual(list.customers.length);
      },
    });
  });

  it('listCustomers: sends a created_at[after] bound with its literal bracketed name', () => {
    const after = '2020-01-01T00:00:00.000Z';
    const query = { 'created_at[after]': after, order: 'created_at' };
    return successInteraction(pact, 'listCustomers', {
      given: states.customerExists,
      stateParams: existing,
      description: 'customers created after a moment, oldest first',
      query: { pact: query, client: query },
      matcher: { include: ['customers[].id', 'customers[].created_at'], nonEmpty: ['customers'] },
      check: (list) => {
        expect(list.customers.length).toBeGreaterThan(0);
        for (const customer of list.customers)
          expect(Date.parse(customer.created_at ?? '')).toBeGreaterThan(Date.parse(after));
      },
    });
  });

  it('listCustomers: rejects a limit above 100', () =>
    errorInteraction(pact, 'listCustomers', {
      description: 'a limit above 100',
      query: { pact: { limit: '101' }, client: { limit: 101 } },
      status: 400,
      matcher: { include: ['key'] },
      check: (error) => expect(error?.key).toBe('invalid_payload'),
    }));

  it('createCustomer: creates a customer from the documented details', () => {
    const body = customerCreate();
    return successInteraction(pact, 'createCustomer', {
      given: states.createdCustomersRemoved,
      stateParams: { sourceIds: [createdSourceId] },
      description: 'a new customer with a source_id',
      body,
      matcher: {
        include: ['id', 'source_id', 'name', 'email', 'address.city', 'created_at'],
        values: { source_id: createdSourceId, name: body.name, email: body.email },
      },
      check: (customer) => {
        expect(customer.object).toBe('customer');
        expect(customer.id).toMatch(/^cust_/);
        expect(customer.source_id).toBe(createdSourceId);
        expect(customer.email).toBe(body.email);
      },
    });
  });

  it('createCustomer: updates the customer whose source_id it is sent', () => {
    const body = { source_id: existingSourceId, name: `${customerCreate().name} Jr.` };
    return successInteraction(pact, 'createCustomer', {
      given: states.customerExists,
      stateParams: existing,
      description: 'a source_id that names an existing customer',
      body,
      matcher: { include: ['id', 'source_id', 'name'], values: body },
      check: (customer) => {
        expect(customer.source_id).toBe(existingSourceId);
        expect(customer.name).toBe(body.name);
      },
    });
  });

  it('createCustomer: rejects a wrongly typed email', () =>
    invalidBodyInteraction(pact, 'voucherify', 'createCustomer', {
      description: 'a non-string email',
      body: { ...customerCreate(), email: 42 },
    }));

  it.each([
    // By `source_id`, fixed in the pact; by the id the server gave it, filled in from the provider state.
    ['source_id', byExistingSourceId, ['name', 'email', 'created_at', 'updated_at']],
    ['Voucherify id', undefined, []],
  ] as const)('getCustomer: returns a customer looked up by %s', (by, literal, alsoAsserted) =>
    successInteraction(pact, 'getCustomer', {
      given: states.customerExists,
      stateParams: existing,
      description: `an existing customer by ${by}`,
      literal,
      matcher: { include: ['id', 'source_id', ...alsoAsserted], values: existing },
      check: (customer) => {
        expect(customer.object).toBe('customer');
        expect(customer.id).toMatch(/^cust_/);
        expect(customer.source_id).toBe(existingSourceId);
      },
    }),
  );

  it('updateCustomer: changes the details it is sent', () =>
    successInteraction(pact, 'updateCustomer', {
      given: states.customerExists,
      stateParams: existing,
      description: 'the documented phone and metadata change',
      literal: byExistingSourceId,
      matcher: {
        include: ['id', 'source_id', 'phone', 'metadata'],
        values: { ...existing, phone: customerUpdate.phone },
      },
      check: (customer) => {
        expect(customer.source_id).toBe(existingSourceId);
        expect(customer.phone).toBe(customerUpdate.phone);
      },
    }));

  it('updateCustomer: rejects a wrongly typed phone', () =>
    errorInteraction(pact, 'updateCustomer', {
      given: states.customerExists,
      stateParams: existing,
      description: 'a non-string phone',
      literal: byExistingSourceId,
      body: { ...customerUpdate, phone: 442079460958 },
      status: 400,
      matcher: { include: ['key'] },
      check: (error) => expect(error?.key).toBe('invalid_payload'),
    }));

  it('deleteCustomerPermanently: erases a customer and reports what was erased', () =>
    successInteraction(pact, 'deleteCustomerPermanently', {
      given: states.customerExists,
      stateParams: existing,
      description: 'an existing customer by source_id',
      literal: byExistingSourceId,
      check: (deletion) => {
        expect(deletion.object).toBe('pernament_deletion');
        expect(deletion.related_object).toBe('customer');
        expect(deletion.related_object_id).toMatch(/^cust_/);
        expect(deletion.data_json.customer).toBe(1);
      },
    }));

  describe('what every operation on a customer answers', () => {
    interactionTable(
      pact,
      'voucherify',
      [
        'listCustomers',
        'createCustomer',
        'getCustomer',
        'updateCustomer',
        'deleteCustomer',
        'deleteCustomerPermanently',
      ],
      [
        ['getCustomer', 'answers 404', unknownCustomer],
        // Voucherify names the customer's type, but not always its id, in these errors.
        ['updateCustomer', 'answers 404', { ...unknownCustomer, pin: ['resource_type'] }],
        ['deleteCustomer', 'answers 404', { ...unknownCustomer, pin: [] }],
        ['deleteCustomerPermanently', 'answers 404', { ...unknownCustomer, pin: ['resource_type'] }],
        [
          'deleteCustomer',
          'answers 204',
          {
            given: states.customerExists,
            stateParams: existing,
            literal: byExistingSourceId,
            description: 'an existing customer by source_id',
          },
        ],
      ],
    );
  });
});
