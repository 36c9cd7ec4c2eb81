/**
 * Contract-quality audit of a bundled document: what Redocly's lint cannot see. Each operation must carry
 * its documentation and examples, and every example must validate against its schema without using
 * properties the schema does not declare.
 */
import {
  type ApiId,
  firstExample,
  flatten,
  listOperations,
  type OpenAPIV3_1,
  type OpenApiDocument,
  type OperationInfo,
  resolve,
  type SchemaObject,
} from './index.js';
import { describeFailure, SchemaValidator } from './validation.js';

/** Properties a value uses that its schema does not declare (typos that JSON Schema itself allows). */
export function undeclaredProperties(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
  value: unknown,
  path = '',
): string[] {
  if (value === null || typeof value !== 'object') return [];
  const view = flatten(doc, schema);
  if (Array.isArray(value))
    return value.flatMap((item, i) => undeclaredProperties(doc, view.items, item, `${path}[${i}]`));
  if (Object.keys(view.properties).length === 0) {
    // A map: check its values against the value schema, if there is one.
    const valueSchema = typeof view.additionalProperties === 'object' ? view.additionalProperties : undefined;
    return Object.entries(value).flatMap(([key, child]) =>
      undeclaredProperties(doc, valueSchema, child, `${path}.${key}`),
    );
  }
  return Object.entries(value).flatMap(([key, child]) =>
    key in view.properties
      ? undeclaredProperties(doc, view.properties[key], child, `${path}.${key}`)
      : [`${path}.${key}`],
  );
}

function bodies(op: OperationInfo) {
  return [
    ...Object.entries(op.requestBody?.content ?? {}).map(([media, content]) => ({
      where: `request ${media}`,
      content,
    })),
    ...Object.entries(op.responses).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).map(([media, content]) => ({
        where: `${status} ${media}`,
        content,
      })),
    ),
  ];
}

function namedExamples(doc: OpenApiDocument, media: OpenAPIV3_1.MediaTypeObject): [string, unknown][] {
  const named = Object.entries(media.examples ?? {}).map(
    ([name, ex]) => [name, resolve<OpenAPIV3_1.ExampleObject>(doc, ex).value] as [string, unknown],
  );
  return media.example !== undefined ? [['example', media.example], ...named] : named;
}

/** Problems of one operation, as sentences; empty when it is complete. */
export function auditOperation(
  op: OperationInfo,
  doc: OpenApiDocument,
  validator: SchemaValidator,
): string[] {
  const problems: string[] = [];
  const tagNames = new Set((doc.tags ?? []).map((t) => t.name));
  const { operation } = op;
  if (!/^[a-z][a-zA-Z0-9]*$/.test(op.operationId)) problems.push('operationId is not camelCase');
  if (!operation.summary) problems.push('no summary');
  if (!operation.description) problems.push('no description');
  if (operation.tags?.length !== 1) problems.push('needs exactly one tag');
  else if (!tagNames.has(operation.tags[0] as string))
    problems.push(`tag ${operation.tags[0]} is not declared`);
  if (!operation.security) problems.push('no explicit security');
  const statuses = Object.keys(op.responses);
  if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push('no success response');
  const clientErrors = statuses.filter((s) => /^4\d\d$/.test(s));
  if (clientErrors.length === 0) problems.push('no documented client error (4xx) response');
  for (const status of clientErrors) {
    if (!op.responses[status]?.content?.['application/json'])
      problems.push(`${status} has no JSON error body`);
  }
  for (const { where, content } of bodies(op)) {
    if (firstExample(doc, content) === undefined) {
      problems.push(`${where} has no example`);
      continue;
    }
    if (!content.schema) continue;
    const validate = validator.schema(op.api, content.schema as SchemaObject);
    for (const [name, value] of namedExamples(doc, content)) {
      const label = `${where} example "${name}"`;
      // Multipart examples describe form fields, not a JSON value.
      if (where.includes('multipart/')) continue;
      if (!validate(value)) problems.push(`${label}: ${describeFailure('value', validate.errors).message}`);
      for (const extra of undeclaredProperties(doc, content.schema as SchemaObject, value)) {
        problems.push(`${label} uses undeclared property ${extra}`);
      }
    }
  }
  for (const parameter of op.parameters) {
    if (!parameter.description) problems.push(`parameter ${parameter.name} has no description`);
  }
  return problems;
}

/** Problems of every operation of a document, keyed by operationId. */
export function auditDocument(api: ApiId, doc: OpenApiDocument): Record<string, string[]> {
  const validator = new SchemaValidator({ [api]: doc });
  const result: Record<string, string[]> = {};
  for (const op of listOperations(api, doc)) {
    const problems = auditOperation(op, doc, validator);
    if (problems.length > 0) result[op.operationId] = problems;
  }
  return result;
}
