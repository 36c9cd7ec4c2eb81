import { describe, expect, it } from 'vitest';
import type { CompiledOperation } from '../../src/operations.js';
import { collectParameters, validateRequest } from '../../src/pipeline/parameters.js';
import { compiled } from './fixtures.js';

const listCustomers = compiled('voucherify', 'listCustomers');
const listRedeemables = compiled('voucherify', 'listCustomerRedeemables');
const getAllVoucherCodes = compiled('mews-connector', 'getAllVoucherCodes');

describe('collectParameters', () => {
  it('reads a deepObject parameter as an object, and other parameters as they are sent', () => {
    const { query } = collectParameters(
      listRedeemables,
      { customerId: 'cust_1' },
      'filters[holder_role][conditions][$in][0]=OWNER&filters[junction]=or&limit=5',
      {},
    );
    expect(query).toEqual({
      filters: { holder_role: { conditions: { $in: ['OWNER'] } }, junction: 'or' },
      limit: '5',
    });
  });

  it('reads names with brackets literally where no parameter is a deepObject', () => {
    const { query } = collectParameters(listCustomers, {}, 'created_at%5Bbefore%5D=2024-01-01&city=Oslo', {});
    expect(query).toEqual({ 'created_at[before]': '2024-01-01', city: 'Oslo' });
  });

  it('collects every value of an array parameter, and leaves out what is not sent or not declared', () => {
    const withArray = {
      ...listCustomers,
      queryParameters: [
        { name: 'ids', deepObject: false, array: true },
        { name: 'tags', deepObject: false, array: true },
        { name: 'email', deepObject: false, array: false },
      ],
    } satisfies CompiledOperation;
    const { query } = collectParameters(withArray, {}, 'ids=a&ids=b&undeclared=x', {});
    expect(query).toEqual({ ids: ['a', 'b'] });
  });

  it('takes the declared headers only, and the path parameters the route found', () => {
    const parameters = collectParameters(getAllVoucherCodes, { from: 'route' }, '', {
      prefer: 'return=minimal',
      'x-other': 'ignored',
    });
    expect(parameters).toEqual({ path: { from: 'route' }, query: {}, header: { prefer: 'return=minimal' } });
  });
});

describe('validateRequest', () => {
  const noParameters = { path: {}, query: {}, header: {} };

  it('converts query values to their declared types, in place, for the handler', () => {
    const parameters = collectParameters(listCustomers, {}, 'limit=5&page=2', {});
    validateRequest(listCustomers, parameters, '', undefined);
    expect(parameters.query).toEqual({ limit: 5, page: 2 });
  });

  it('answers 400 naming the query parameter, header or body field at fault', () => {
    const query = collectParameters(listCustomers, {}, 'limit=500', {});
    expect(() => validateRequest(listCustomers, query, '', undefined)).toThrow(
      expect.objectContaining({ status: 400, details: 'query.limit must be <= 100' }),
    );
    const header = collectParameters(getAllVoucherCodes, {}, '', { prefer: 'return=everything' });
    expect(() => validateRequest(getAllVoucherCodes, header, 'application/json', undefined)).toThrow(
      expect.objectContaining({ details: 'header.prefer must be one of "return=minimal"' }),
    );
    const createCustomer = compiled('voucherify', 'createCustomer');
    const body = { source_id: 's', address: { city: 7 } };
    expect(() => validateRequest(createCustomer, noParameters, 'application/json', body)).toThrow(
      expect.objectContaining({ details: 'body.address.city must be of type string' }),
    );
  });

  it('checks a multipart body by its parts, and no body when none was sent', () => {
    const importCsv = compiled('voucherify', 'importCustomersUsingCsv');
    expect(() => validateRequest(importCsv, noParameters, 'multipart/form-data', { other: 'x' })).toThrow(
      expect.objectContaining({ details: 'body.file is required' }),
    );
    const file = { fileName: 'c.csv', contentType: 'text/csv', content: Buffer.from('source_id\n') };
    expect(() => validateRequest(importCsv, noParameters, 'multipart/form-data', { file })).not.toThrow();
    const consents = compiled('voucherify', 'updateCustomerConsents');
    const path = { ...noParameters, path: { customerId: 'cust_1' } };
    expect(() => validateRequest(consents, path, '', undefined)).not.toThrow();
  });
});
