/**
 * Read access to the bundled documents: load them, list and find their operations, route a request to its
 * operation (`routing.ts`), tell the credentials an operation needs (`security.ts`), resolve references and
 * flatten schemas. The client generator, the mock server, the conformance suite and the docs all read the
 * spec through this; everything is derived from `dist/<api>.json`, and nothing restates the spec.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OpenAPIV3_1 } from 'openapi-types';

export {
  createOperationRouter,
  type OperationRoute,
  type OperationRouter,
  operationRouter,
} from './routing.js';
export {
  type CredentialHeader,
  clientCredentialOption,
  credentialAlternatives,
  credentialHeader,
} from './security.js';
export type { OpenAPIV3_1 };

export type OpenApiDocument = OpenAPIV3_1.Document;
export type SchemaObject = OpenAPIV3_1.SchemaObject;
export type ParameterObject = OpenAPIV3_1.ParameterObject;
export type ResponseObject = OpenAPIV3_1.ResponseObject;
export type RequestBodyObject = OpenAPIV3_1.RequestBodyObject;
export type OperationObject = OpenAPIV3_1.OperationObject;

export const apiIds = ['voucherify', 'mews-connector'] as const;
export type ApiId = (typeof apiIds)[number];

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface OperationInfo {
  api: ApiId;
  operationId: string;
  method: HttpMethod;
  /** Path template as in the spec, e.g. `/v1/customers/{customerId}`. */
  path: string;
  operation: OperationObject;
  /** Path-level and operation-level parameters, references resolved, operation-level winning. */
  parameters: ParameterObject[];
  requestBody: RequestBodyObject | undefined;
  /** Responses by status code, references resolved. */
  responses: Record<string, ResponseObject>;
  /** Alternatives of security requirements (`[]` = no credentials). */
  security: OpenAPIV3_1.SecurityRequirementObject[];
  deprecated: boolean;
}

/** The bundle's path on disk (the same from the source in `src/` and the build in `dist/`). */
export function bundleFile(api: ApiId): string {
  return fileURLToPath(new URL(`../dist/${api}.json`, import.meta.url));
}

const cache = new Map<ApiId, OpenApiDocument>();

/** The bundled document of an API. Run `pnpm --filter @vouchspec/spec build` (turbo does) first. */
export function loadBundle(api: ApiId): OpenApiDocument {
  let doc = cache.get(api);
  if (!doc) {
    try {
      doc = JSON.parse(readFileSync(bundleFile(api), 'utf8')) as OpenApiDocument;
    } catch (cause) {
      throw new Error(`Cannot read the ${api} bundle at ${bundleFile(api)}; build @vouchspec/spec first`, {
        cause,
      });
    }
    cache.set(api, doc);
  }
  return doc;
}

/** Follows a local `$ref` (`#/components/...`) chain to the object it names. */
export function resolve<T>(doc: OpenApiDocument, value: T | OpenAPIV3_1.ReferenceObject): T {
  let current: unknown = value;
  for (let hops = 0; current && typeof current === 'object' && '$ref' in current; hops++) {
    if (hops > 32) throw new Error('Reference cycle');
    const ref = (current as OpenAPIV3_1.ReferenceObject).$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable reference ${ref}`);
  }
  return current as T;
}

/** Every operation of a bundle, in document order. */
export function listOperations(api: ApiId, doc: OpenApiDocument = loadBundle(api)): OperationInfo[] {
  const operations: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolve<OpenAPIV3_1.PathItemObject>(doc, rawItem as OpenAPIV3_1.PathItemObject);
    for (const method of httpMethods) {
      const operation = item[method];
      if (!operation) continue;
      const byKey = new Map<string, ParameterObject>();
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = resolve<ParameterObject>(doc, raw);
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      operations.push({
        api,
        operationId: operation.operationId,
        method,
        path,
        operation,
        parameters: [...byKey.values()],
        requestBody: operation.requestBody
          ? resolve<RequestBodyObject>(doc, operation.requestBody)
          : undefined,
        responses: Object.fromEntries(
          Object.entries(operation.responses ?? {}).map(([status, response]) => [
            status,
            resolve<ResponseObject>(doc, response),
          ]),
        ),
        security: operation.security ?? doc.security ?? [],
        deprecated: operation.deprecated === true,
      });
    }
  }
  return operations;
}

/** The first example of a media type, resolving `examples` references; `undefined` when none is given. */
export function firstExample(doc: OpenApiDocument, media: OpenAPIV3_1.MediaTypeObject | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const [first] = Object.values(media.examples ?? {});
  return first ? resolve<OpenAPIV3_1.ExampleObject>(doc, first).value : undefined;
}

/** A schema with references, `allOf` and nullability folded away: what a value of it may look like. */
export interface FlatSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties: Record<string, SchemaObject>;
  required: Set<string>;
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
}

/** Resolves references and folds `allOf`, nullable unions and `anyOf [X, null]` into one plain view. */
export function flatten(doc: OpenApiDocument, raw: SchemaObject | undefined): FlatSchema {
  const out: FlatSchema = { properties: {}, required: new Set() };
  const visit = (node: SchemaObject | undefined) => {
    if (!node) return;
    const schema = resolve<SchemaObject>(doc, node);
    for (const part of schema.allOf ?? []) visit(part as SchemaObject);
    const nonNull = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter(
      (s) => resolve<SchemaObject>(doc, s as SchemaObject).type !== 'null',
    );
    if (nonNull.length === 1) visit(nonNull[0] as SchemaObject);
    const types = [schema.type].flat().filter((t) => t && t !== 'null') as string[];
    if (types[0]) out.type = types[0];
    if (schema.format) out.format = schema.format;
    if (schema.enum) out.enum = schema.enum;
    Object.assign(out.properties, schema.properties ?? {});
    for (const name of schema.required ?? []) out.required.add(name);
    if ('items' in schema && schema.items) out.items = schema.items as SchemaObject;
    if (schema.additionalProperties !== undefined)
      out.additionalProperties = schema.additionalProperties as SchemaObject;
  };
  visit(raw);
  return out;
}

const operationsByDocument = new WeakMap<OpenApiDocument, OperationInfo[]>();

/** The operation with this operationId; throws, naming the API, when there is none. */
export function findOperation(
  api: ApiId,
  operationId: string,
  doc: OpenApiDocument = loadBundle(api),
): OperationInfo {
  let operations = operationsByDocument.get(doc);
  if (!operations) {
    operations = listOperations(api, doc);
    operationsByDocument.set(doc, operations);
  }
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`${api} has no operation ${operationId}`);
  return op;
}

/** A copy of an operation's first documented request body example. */
export function requestExample<T = unknown>(
  api: ApiId,
  operationId: string,
  mediaType = 'application/json',
): T {
  const doc = loadBundle(api);
  const example = firstExample(doc, findOperation(api, operationId, doc).requestBody?.content[mediaType]);
  if (example === undefined)
    throw new Error(`${api}:${operationId} documents no ${mediaType} request example`);
  return structuredClone(example) as T;
}

/** A copy of the first documented JSON body example of an operation's response with this status. */
export function responseExample<T = unknown>(api: ApiId, operationId: string, status: number): T {
  const doc = loadBundle(api);
  const media = findOperation(api, operationId, doc).responses[String(status)]?.content?.['application/json'];
  const example = firstExample(doc, media);
  if (example === undefined) throw new Error(`${api}:${operationId} documents no JSON example for ${status}`);
  return structuredClone(example) as T;
}

/** The documented example of each path parameter of a path template, e.g. `{ customerId: 'cust_…' }`. */
export function pathParameterExamples(api: ApiId, template: string): Record<string, string> {
  const op = listOperations(api).find((o) => o.path === template);
  if (!op) throw new Error(`${api} has no path ${template}`);
  const examples: Record<string, string> = {};
  for (const parameter of op.parameters.filter((p) => p.in === 'path')) {
    const value = parameter.example ?? (parameter.schema as SchemaObject | undefined)?.example;
    if (typeof value !== 'string')
      throw new Error(`${template}: path parameter ${parameter.name} documents no example`);
    examples[parameter.name] = value;
  }
  return examples;
}
