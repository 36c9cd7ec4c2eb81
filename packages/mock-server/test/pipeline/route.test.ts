import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/http.js';
import { createRouter } from '../../src/pipeline/route.js';
import { adapters, allCompiled } from './fixtures.js';

const router = createRouter(allCompiled(), [adapters.voucherify, adapters['mews-connector']]);

/** The operation a request reaches and its path parameters. */
function found(method: string, pathname: string) {
  const { compiled, pathParameters } = router.find(method, pathname);
  return { operationId: compiled.op.operationId, pathParameters };
}

/** The HttpError a request that reaches no operation is refused with. */
function refused(method: string, pathname: string): HttpError {
  try {
    router.find(method, pathname);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error(`${method} ${pathname} was routed`);
}

describe('createRouter: find', () => {
  it('finds the operation of a method and path, with its path parameters', () => {
    expect(found('GET', '/v1/customers/cust_1')).toEqual({
      operationId: 'getCustomer',
      pathParameters: { customerId: 'cust_1' },
    });
    expect(found('POST', '/api/connector/v1/voucherCodes/getAll').operationId).toBe('getAllVoucherCodes');
  });

  it('decodes percent-encoded path parameters, as clients encode them', () => {
    expect(found('GET', '/management/v1/projects/proj_1/users/ada%40example.com').pathParameters).toEqual({
      projectId: 'proj_1',
      userId: 'ada@example.com',
    });
  });

  it('lets a literal segment win, and falls back to a template where the literal path does not go on', () => {
    expect(found('POST', '/management/v1/projects/users/invite').operationId).toBe('inviteUser');
    expect(found('POST', '/management/v1/projects/users/users')).toEqual({
      operationId: 'assignUser',
      pathParameters: { projectId: 'users' },
    });
    expect(found('GET', '/management/v1/projects/users')).toEqual({
      operationId: 'getProject',
      pathParameters: { projectId: 'users' },
    });
  });

  it('ignores a trailing slash', () => {
    expect(found('GET', '/v1/customers/').operationId).toBe('listCustomers');
    expect(found('GET', '/v1/customers/cust_1/')).toEqual(found('GET', '/v1/customers/cust_1'));
  });

  it('answers 405 naming the methods the path allows, in an Allow header too', () => {
    const error = refused('PATCH', '/v1/customers/cust_1');
    expect(error).toMatchObject({
      status: 405,
      message: 'Method not allowed',
      details: 'PATCH is not supported on /v1/customers/cust_1; use GET, PUT, DELETE.',
      headers: { Allow: 'GET, PUT, DELETE' },
    });
    expect(refused('GET', '/management/v1/projects/users/invite').headers).toEqual({ Allow: 'POST' });
  });

  it('answers 404 for a path no operation has', () => {
    expect(refused('GET', '/v1/nothing-here')).toMatchObject({
      status: 404,
      message: 'Resource not found',
      details: 'No operation GET /v1/nothing-here.',
      headers: {},
    });
    expect(refused('POST', '/api/connector/v1/nothing/getAll').status).toBe(404);
  });
});

describe('createRouter: apiOf', () => {
  it('gives Connector paths to the Mews adapter and every other path to Voucherify', () => {
    expect(router.apiOf('/api/connector/v1/nothing').id).toBe('mews-connector');
    expect(router.apiOf('/v1/nothing').id).toBe('voucherify');
    expect(router.apiOf('/').id).toBe('voucherify');
  });
});
