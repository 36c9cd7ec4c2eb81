import { describe, expect, it } from 'vitest';
import {
  type ApiId,
  apiIds,
  firstExample,
  flatten,
  listOperations,
  loadBundle,
  type OpenAPIV3_1,
  type OpenApiDocument,
  resolve,
  type SchemaObject,
} from '../src/index.js';
import { describeFailure, SchemaValidator } from '../src/validation.js';
import { documentedOperations } from './documented-operations.js';

const docs = Object.fromEntries(apiIds.map((api) => [api, loadBundle(api)])) as Record<
  ApiId,
  OpenApiDocument
>;
const validator = new SchemaValidator(docs);

/** Properties an example uses that its schema does not declare (typos the JSON Schema itself allows). */
function undeclaredProperties(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
  value: unknown,
  path = '',
): string[] {
  if (value === null || typeof value !== 'object') return [];
  const view = flatten(doc, schema);
  if (Array.isArray(value))
    return value.flatMap((item, i) => undeclaredProperties(doc, view.items, item, `${path}[${i}]`));
  const declared = Object.keys(view.properties);
  if (declared.length === 0) return []; // free-form map
  return Object.entries(value).flatMap(([key, child]) =>
    key in view.properties
      ? undeclaredProperties(doc, view.properties[key], child, `${path}.${key}`)
      : [`${path}.${key}`],
  );
}

function examplesOf(doc: OpenApiDocument, media: OpenAPIV3_1.MediaTypeObject): [string, unknown][] {
  const named = Object.entries(media.examples ?? {}).map(
    ([name, ex]) => [name, resolve<OpenAPIV3_1.ExampleObject>(doc, ex).value] as [string, unknown],
  );
  return media.example !== undefined ? [['example', media.example], ...named] : named;
}

describe.each(apiIds)('%s spec', (api) => {
  const doc = docs[api];
  const operations = listOperations(api, doc);
  const tagNames = new Set((doc.tags ?? []).map((t) => t.name));

  it('holds exactly the documented operations', () => {
    const actual = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(actual).toEqual([...documentedOperations[api]].sort());
  });

  it('has unique camelCase operationIds', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  describe.each(operations.map((o) => [o.operationId, o] as const))('%s', (_, op) => {
    it('has a summary, a description, one declared tag and explicit security', () => {
      expect(op.operation.summary?.length).toBeGreaterThan(0);
      expect(op.operation.description?.length).toBeGreaterThan(0);
      expect(op.operation.tags).toHaveLength(1);
      expect(tagNames.has(op.operation.tags?.[0] as string)).toBe(true);
      expect(op.operation.security).toBeDefined();
    });

    it('documents a success response and at least one client error with a JSON body', () => {
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => /^2\d\d$/.test(s))).toBe(true);
      const clientErrors = statuses.filter((s) => /^4\d\d$/.test(s));
      expect(clientErrors.length).toBeGreaterThan(0);
      for (const status of clientErrors)
        expect(op.responses[status]?.content?.['application/json']).toBeDefined();
    });

    it('has an example for every request and response body', () => {
      const bodies = [
        ...Object.entries(op.requestBody?.content ?? {}).map(
          ([m, media]) => [`request ${m}`, media] as const,
        ),
        ...Object.entries(op.responses).flatMap(([status, response]) =>
          Object.entries(response.content ?? {}).map(([m, media]) => [`${status} ${m}`, media] as const),
        ),
      ];
      for (const [where, media] of bodies) {
        expect(firstExample(doc, media), `${op.operationId} ${where}`).toBeDefined();
      }
    });

    it('has examples that validate and use only declared properties', () => {
      const bodies = [
        ...Object.values(op.requestBody?.content ?? {}).map((media) => ['request', media] as const),
        ...Object.entries(op.responses).flatMap(([status, response]) =>
          Object.values(response.content ?? {}).map((media) => [status, media] as const),
        ),
      ];
      for (const [where, media] of bodies) {
        if (!media.schema) continue;
        const validate = validator.schema(api, media.schema as SchemaObject);
        for (const [name, value] of examplesOf(doc, media)) {
          const label = `${op.operationId} ${where} example ${name}`;
          expect(
            validate(value) ? undefined : describeFailure(label, validate.errors).message,
            label,
          ).toBeUndefined();
          expect(undeclaredProperties(doc, media.schema as SchemaObject, value), label).toEqual([]);
        }
      }
    });
  });
});
