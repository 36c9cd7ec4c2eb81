/**
 * What the lists of one customer's activities and redeemables do alike: the customer is named by id or
 * source_id, an unknown one is a 404, and a cursor must name an item of the list. What each list holds is
 * in its own file.
 */
import { describe, expect, it } from 'vitest';
import { storedCustomer } from './fixtures/records.js';
import { appKeys, expectNotFound, useMock } from './helpers.js';

const mock = useMock({
  seed: () => ({ voucherify: { customers: [storedCustomer('cust_new', 'crm-new')] } }),
});

const lists = [
  { list: 'activity', empty: { object: 'list', data_ref: 'data', data: [], has_more: false } },
  { list: 'activities', empty: { object: 'list', data_ref: 'data', data: [], total: 0 } },
  { list: 'redeemables', empty: { object: 'list', data_ref: 'data', data: [], total: 0, has_more: false } },
];

describe.each(lists)('GET /v1/customers/{customerId}/$list', ({ list, empty }) => {
  const get = (customer: string, query = '') =>
    mock.call('GET', `/v1/customers/${customer}/${list}${query}`, { headers: appKeys });

  it('answers an empty list for a customer with nothing in it, named by id or source_id', async () => {
    for (const customer of ['cust_new', 'crm-new']) {
      const res = await get(customer);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(empty);
    }
  });

  it('answers 404 naming the customer for one that does not exist', async () => {
    const res = await get('crm-nobody');
    expectNotFound(res, 'customer', 'crm-nobody');
  });

  it('answers 400 naming a cursor that names nothing in the list', async () => {
    const res = await get('cust_new', '?starting_after_id=x_unknown');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ key: 'invalid_payload', details: expect.stringContaining('x_unknown') });
  });
});
