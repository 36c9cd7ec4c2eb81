/**
 * Type-level tests: correct calls compile with the expected result types, and wrong calls do not compile.
 * Every `@ts-expect-error` fails the type check if the line below it stops being an error.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createMewsConnectorClient, createVoucherifyClient, type VoucherifySchemas } from '../src/index.js';

const voucherify = createVoucherifyClient({ appId: 'a', appToken: 't' });
const mews = createMewsConnectorClient({ clientToken: 'c', accessToken: 'a', client: 'x' });

describe('Voucherify client types', () => {
  it('types a correct call and its result', async () => {
    const { data, error } = await voucherify.GET('/v1/customers/{customerId}', {
      params: { path: { customerId: 'c' } },
    });
    // openapi-fetch wraps bodies in its own helper types, so compare by assignability both ways.
    expectTypeOf<NonNullable<typeof data>>().toExtend<VoucherifySchemas['Customer']>();
    expectTypeOf<VoucherifySchemas['Customer']>().toExtend<NonNullable<typeof data>>();
    expectTypeOf<NonNullable<typeof error>>().toExtend<VoucherifySchemas['VoucherifyError']>();
    expectTypeOf<NonNullable<typeof data>['object']>().toEqualTypeOf<'customer'>();
  });

  it('rejects an unknown path', () => {
    // @ts-expect-error: not an operation of the spec
    void voucherify.GET('/v1/customerz/{customerId}', { params: { path: { customerId: 'c' } } });
  });

  it('rejects a method the path does not have', () => {
    // @ts-expect-error: /v1/customers/{customerId} has no PATCH
    void voucherify.PATCH('/v1/customers/{customerId}', { params: { path: { customerId: 'c' } } });
  });

  it('rejects a missing path parameter', () => {
    // @ts-expect-error: customerId is required
    void voucherify.GET('/v1/customers/{customerId}', { params: { path: {} } });
  });

  it('rejects a body field of the wrong type', () => {
    // @ts-expect-error: email is a string
    void voucherify.POST('/v1/customers', { body: { email: 42 } });
  });

  it('offers no middleware, which would receive requests that are not WHATWG Requests', () => {
    // @ts-expect-error: wrap the fetch option instead
    voucherify.use({ onRequest: () => undefined });
    // @ts-expect-error: nothing to eject either
    mews.eject({ onRequest: () => undefined });
  });

  it('rejects a cluster the spec does not list', () => {
    // @ts-expect-error: not one of the spec's cluster values
    createVoucherifyClient({ cluster: 'eu9.api' });
  });
});

describe('Mews Connector client types', () => {
  it('lets the client supply the envelope and types the page', async () => {
    const { data } = await mews.POST('/api/connector/v1/voucherCodes/getAll', {
      body: { VoucherIds: ['v'], Limitation: { Count: 10 } },
    });
    expectTypeOf(data?.Cursor).toEqualTypeOf<string | null | undefined>();
  });

  it('rejects a body without the required Limitation', () => {
    // @ts-expect-error: Limitation is required
    void mews.POST('/api/connector/v1/voucherCodes/getAll', { body: { VoucherIds: ['v'] } });
  });

  it('rejects a client without tokens', () => {
    // @ts-expect-error: accessToken is required
    createMewsConnectorClient({ clientToken: 'c', client: 'x' });
  });
});
