import { describe, expect, it } from 'vitest';
import { auditOperation } from '../src/audit.js';
import { type ApiId, apiIds, listOperations, loadBundle, type OpenApiDocument } from '../src/index.js';
import { SchemaValidator } from '../src/validation.js';
import { documentedOperations } from './documented-operations.js';

const docs = Object.fromEntries(apiIds.map((api) => [api, loadBundle(api)])) as Record<
  ApiId,
  OpenApiDocument
>;
const validator = new SchemaValidator(docs);

it('documents 61 operations in all: 38 management, 14 customers, 6 referral holders, 3 Mews', () => {
  const count = (api: ApiId, fragment: string) =>
    documentedOperations[api].filter((o) => o.includes(fragment)).length;
  expect([
    count('voucherify', '/management/'),
    count('voucherify', '/v1/customers'),
    count('voucherify', '/v1/referrals'),
    count('mews-connector', '/voucherCodes/'),
  ]).toEqual([38, 14, 6, 3]);
});

it('marks exactly the operations the vendor has deprecated', () => {
  const deprecated = apiIds.flatMap((api) =>
    listOperations(api, docs[api])
      .filter((o) => o.deprecated)
      .map((o) => `${o.method.toUpperCase()} ${o.path}`),
  );
  expect(deprecated.sort()).toEqual([
    'GET /v1/customers/{customerId}/activities',
    'PUT /v1/customers/{customerId}/consents',
  ]);
});

describe.each(apiIds)('%s spec', (api) => {
  const operations = listOperations(api, docs[api]);

  it('holds exactly the documented operations', () => {
    const actual = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(actual).toEqual([...documentedOperations[api]].sort());
  });

  it('has unique operationIds', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations.map((o) => [o.operationId, o] as const))(
    '%s is documented, has a success and an error response, and validating examples for every body',
    (_, op) => {
      expect(auditOperation(op, docs[api], validator)).toEqual([]);
    },
  );
});
