/** The stages in their order, and how a failure at any of them becomes the vendor's error response. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handler } from '../../src/api.js';
import { defaultCredentials } from '../../src/credentials.js';
import { handleRequest, type Pipeline } from '../../src/pipeline/handle-request.js';
import { createRouter } from '../../src/pipeline/route.js';
import { createState, type MockState } from '../../src/state.js';
import { defaultWorld } from '../../src/worlds/naming.js';
import { adapters, allCompiled, incoming } from './fixtures.js';

const keys = defaultCredentials.voucherify;
const appKeys = { 'x-app-id': keys['X-App-Id'], 'x-app-token': keys['X-App-Token'] };
const json = { 'content-type': 'application/json' };

/** A pipeline over every operation; `handlers` replace the behaviour of some. */
function pipeline(handlers: Record<string, Handler> = {}): Pipeline & { state: MockState } {
  const state = createState();
  const operations = allCompiled().map((c) => ({ ...c, handler: handlers[c.op.operationId] ?? c.handler }));
  return {
    router: createRouter(operations, [adapters.voucherify, adapters['mews-connector']]),
    world: () => ({ name: defaultWorld, state }),
    limits: { maxBodyBytes: 1024, maxJsonDepth: 8, maxStateBytes: 1024 * 1024 },
    headers: { 'Vouchspec-Mock': 'test' },
    state,
  };
}

const bodyOf = (payload: unknown) => JSON.parse(payload as string);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('handleRequest', () => {
  it('runs a request through every stage into a serialised response', async () => {
    const served = pipeline();
    const { response, operation } = await handleRequest(
      served,
      incoming('POST', '/v1/customers?ignored=1', { ...appKeys, ...json }, '{"source_id":"crm-1"}'),
    );
    expect(operation).toBe('voucherify:createCustomer');
    expect(response).toMatchObject({
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Vouchspec-Mock': 'test' },
    });
    expect(bodyOf(response.payload)).toMatchObject({ source_id: 'crm-1', object: 'customer' });
    expect(served.state.customers.find('sourceId', 'crm-1')).toBeDefined();
  });

  it('checks credentials in headers before the body: a refused request gets 401, however large its body', async () => {
    const { response } = await handleRequest(
      pipeline(),
      incoming('POST', '/v1/customers', { ...json, 'content-length': '999999' }),
    );
    expect(response.status).toBe(401);
    expect(bodyOf(response.payload)).toMatchObject({ code: 401, key: 'unauthorized' });
  });

  it('checks credentials in the body after parsing it, answering in the Mews body with its Request-Id', async () => {
    const getAll = '/api/connector/v1/voucherCodes/getAll';
    const malformed = await handleRequest(pipeline(), incoming('POST', getAll, json, '{"ClientToken":'));
    expect(malformed.response.status).toBe(400);
    const { response, operation } = await handleRequest(pipeline(), incoming('POST', getAll, json, '{}'));
    expect(operation).toBe('mews-connector:getAllVoucherCodes');
    expect(response.status).toBe(401);
    const body = bodyOf(response.payload);
    expect(body).toEqual({
      Message: expect.stringMatching(/^Missing ClientToken\. /),
      RequestId: expect.any(String),
    });
    expect(response.headers['Request-Id']).toBe(body.RequestId);
  });

  it('answers a path no operation has in the error body of the API the path belongs to', async () => {
    const { response, operation } = await handleRequest(pipeline(), incoming('GET', '/api/connector/v1/x'));
    expect(operation).toBeUndefined();
    expect(response.status).toBe(404);
    expect(bodyOf(response.payload)).toHaveProperty('Message');
  });

  it('sends the headers an error calls for, such as Allow', async () => {
    const { response } = await handleRequest(pipeline(), incoming('PATCH', '/v1/customers/cust_1', appKeys));
    expect(response.status).toBe(405);
    expect(response.headers).toMatchObject({ Allow: 'GET, PUT, DELETE', 'Vouchspec-Mock': 'test' });
  });

  it('answers 500 for a failure that is not an HttpError, and reports it as the bug it is', async () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = pipeline({
      getCustomer: () => {
        throw new TypeError('undefined is not a function');
      },
    });
    const { response, operation } = await handleRequest(broken, incoming('GET', '/v1/customers/x', appKeys));
    expect(operation).toBe('voucherify:getCustomer');
    expect(response.status).toBe(500);
    expect(bodyOf(response.payload).message).toBe('Mock failure: undefined is not a function');
    expect(reported).toHaveBeenCalledOnce();
  });

  it('sends no body for 204', async () => {
    const served = pipeline({ deleteCustomer: () => ({ status: 204 }) });
    const { response } = await handleRequest(served, incoming('DELETE', '/v1/customers/x', appKeys));
    expect(response).toEqual({ status: 204, headers: { 'Vouchspec-Mock': 'test' } });
  });
});
