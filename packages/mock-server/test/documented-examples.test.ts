import { firstExample, type OperationInfo } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { bundles, exampleWorld, pathExamples, type WorldPart } from './fixtures/world.js';
import { allOperations, appKeys, managementKeys, mewsTokens, useMock } from './helpers.js';

// validateResponses turns any response that breaks the spec into a 500, which these tests reject.
const mock = useMock();

/** Creating what the world already holds would, rightly, conflict: these start from a world without it. */
const worldWithout: Record<string, WorldPart[]> = {
  createStackingRules: ['stackingRules'],
  createMetadataSchema: ['metadataSchemas'],
  createCustomEventSchema: ['customEventSchemas'],
  createBrand: ['brands'],
};

/** The operation's documented example request: path examples, the request body example, the right keys. */
function exampleRequest(op: OperationInfo) {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(pathExamples[name] ?? name),
  );
  const media = Object.keys(op.requestBody?.content ?? {})[0];
  const body = media ? firstExample(bundles[op.api], op.requestBody?.content[media]) : undefined;
  if (op.api === 'mews-connector') return { path, body: { ...(body as object), ...mewsTokens } };
  if (media === 'multipart/form-data') {
    const file = String((body as { file?: unknown }).file);
    const boundary = 'vouchspec-example';
    return {
      path,
      headers: { ...appKeys, ...managementKeys, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      raw: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="customers.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`,
    };
  }
  return { path, headers: { ...appKeys, ...managementKeys }, body };
}

describe('every operation, on a world built from the spec examples', () => {
  it.each(allOperations.map((op) => [`${op.api}:${op.operationId}`, op] as const))(
    '%s answers its documented example request with a documented success that validates',
    async (_, op) => {
      mock.server.reset();
      mock.server.seed(exampleWorld(worldWithout[op.operationId]));
      const { path, ...init } = exampleRequest(op);
      const res = await mock.call(op.method.toUpperCase(), path, init);
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      expect(Object.keys(op.responses)).toContain(String(res.status));
    },
  );
});
