import { firstExample, loadBundle, type OperationInfo } from '@vouchspec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allOperations, appKeys, mewsTokens, startMock } from './helpers.js';

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  // validateResponses turns any response that breaks the spec into a 500, which the test below rejects.
  mock = await startMock();
});
afterAll(() => mock.server.close());

/** A request built from the operation's own documented examples. */
function exampleRequest(op: OperationInfo) {
  const doc = loadBundle(op.api);
  let path = op.path;
  for (const parameter of op.parameters.filter((p) => p.in === 'path')) {
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(parameter.example ?? 'example')));
  }
  const body = firstExample(doc, op.requestBody?.content['application/json']);
  const headers = op.api === 'voucherify' ? appKeys : {};
  return {
    path,
    headers,
    body: op.api === 'mews-connector' && body ? { ...(body as object), ...mewsTokens } : body,
  };
}

describe('every bundled operation', () => {
  it.each(allOperations.map((op) => [`${op.api}:${op.operationId}`, op] as const))(
    '%s answers its documented example request with a documented, spec-valid response',
    async (_, op) => {
      const { path, headers, body } = exampleRequest(op);
      const res = await mock.call(op.method.toUpperCase(), path, { headers, body });
      expect(Object.keys(op.responses)).toContain(String(res.status));
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    },
  );
});
