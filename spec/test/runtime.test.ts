/** The runtime's shared lookups, on the bundles: an operation by id, the credentials it takes, and routing. */
import { describe, expect, it } from 'vitest';
import {
  clientCredentialOption,
  createOperationRouter,
  credentialAlternatives,
  credentialHeader,
  findOperation,
  listOperations,
  loadBundle,
  operationRouter,
} from '../src/index.js';

describe('findOperation', () => {
  it('finds an operation by its id', () => {
    const op = findOperation('voucherify', 'getCustomer');
    expect([op.method, op.path]).toEqual(['get', '/v1/customers/{customerId}']);
  });

  it('throws naming the API when it has no such operation', () => {
    expect(() => findOperation('mews-connector', 'getCustomer')).toThrow(
      'mews-connector has no operation getCustomer',
    );
  });
});

describe('credentials', () => {
  const doc = loadBundle('voucherify');

  it('lists the headers of each security alternative, bearer tokens in Authorization', () => {
    const alternatives = credentialAlternatives(doc, findOperation('voucherify', 'getCustomer'));
    expect(alternatives).toEqual([
      [
        { scheme: 'X-App-Id', header: 'X-App-Id', bearer: false },
        { scheme: 'X-App-Token', header: 'X-App-Token', bearer: false },
      ],
      [{ scheme: 'X-Voucherify-OAuth', header: 'Authorization', bearer: true }],
    ]);
  });

  it('names the client option that holds each credential', () => {
    const options = (operationId: string) =>
      credentialAlternatives(doc, findOperation('voucherify', operationId)).map((alternative) =>
        alternative.map(clientCredentialOption),
      );
    expect(options('getCustomer')).toEqual([['appId', 'appToken'], ['oauthToken']]);
    expect(options('listProjects')).toEqual([['managementId', 'managementToken']]);
  });

  it('needs none for an operation without security requirements', () => {
    const mews = loadBundle('mews-connector');
    expect(credentialAlternatives(mews, findOperation('mews-connector', 'getAllVoucherCodes'))).toEqual([]);
  });

  it('refuses a scheme the document does not define, or one not sent in a header', () => {
    expect(() => credentialHeader(doc, 'X-Nothing')).toThrow('security scheme X-Nothing is not defined');
    const cookie = {
      ...doc,
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    } as typeof doc;
    expect(() => credentialHeader(cookie, 'session')).toThrow(
      'security scheme session (apiKey) is not sent in a header',
    );
  });
});

describe('operation router', () => {
  const router = operationRouter('voucherify');

  it('finds the operation of a method and concrete path, with its parameters decoded', () => {
    const route = router.find('GET', '/management/v1/projects/proj_1/users/owner%40example.com?limit=1');
    expect(route?.operation.operationId).toBe('getUser');
    expect(route?.pathParameters).toEqual({ projectId: 'proj_1', userId: 'owner@example.com' });
  });

  it('prefers a literal segment over a parameter, and takes the method in any case', () => {
    expect(router.find('post', '/v1/customers/importCSV')?.operation.operationId).toBe(
      'importCustomersUsingCsv',
    );
    expect(router.find('GET', '/v1/customers/importCSV')?.operation.operationId).toBe('getCustomer');
  });

  it('finds nothing for a path or method the API does not have, and says which methods the path has', () => {
    expect(router.find('PATCH', '/v1/customers/cust_1')).toBeUndefined();
    expect(router.find('GET', '/v1/nothing')).toBeUndefined();
    expect(router.allowedMethods('/v1/customers/cust_1')).toEqual(['GET', 'PUT', 'DELETE']);
    expect(router.allowedMethods('/v1/nothing')).toEqual([]);
  });

  it('routes every operation of both bundles to itself from its documented template', () => {
    for (const api of ['voucherify', 'mews-connector'] as const) {
      const operations = listOperations(api);
      const own = createOperationRouter(operations);
      for (const op of operations) {
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}-value`);
        expect(own.find(op.method, path)?.operation.operationId).toBe(op.operationId);
      }
    }
  });
});
