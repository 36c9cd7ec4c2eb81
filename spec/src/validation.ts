/**
 * JSON Schema validation of requests and responses, compiled once per operation from the bundle.
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, so Ajv's 2020 dialect validates them as they are.
 */

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ApiId, OpenApiDocument, OperationInfo, SchemaObject } from './index.js';

export interface ValidationFailure {
  /** Where the problem is, e.g. `body.address.city` or `query.limit`. */
  field: string;
  /** Human-readable sentence naming the field. */
  message: string;
}

/** Compiled validators for one operation's parameters and body. */
export interface RequestValidators {
  path?: ValidateFunction;
  query?: ValidateFunction;
  header?: ValidateFunction;
  body: Map<string, ValidateFunction>;
}

function createAjv(coerceTypes: boolean) {
  // strict: false because OpenAPI adds annotation keywords (example, x-…) that JSON Schema does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: false, coerceTypes: coerceTypes ? 'array' : false });
  addFormats(ajv);
  return ajv;
}

/** Rewrites document-local `$ref`s so a schema lifted out of the document still resolves against it. */
function rebase<T>(value: T, documentId: string): T {
  if (Array.isArray(value)) return value.map((item) => rebase(item, documentId)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof child === 'string' && child.startsWith('#/')
          ? documentId + child
          : rebase(child, documentId);
    }
    return out as T;
  }
  return value;
}

/** The value cached under `key`, computed on first use. */
function cached<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

export class SchemaValidator {
  private readonly strict = createAjv(false);
  /** Parameters arrive as strings; this instance coerces them to the declared types. */
  private readonly coercing = createAjv(true);
  private readonly documentIds = new Map<ApiId, string>();

  constructor(documents: Partial<Record<ApiId, OpenApiDocument>>) {
    for (const [api, doc] of Object.entries(documents) as [ApiId, OpenApiDocument][]) {
      const id = `https://vouchspec.invalid/${api}`;
      this.documentIds.set(api, id);
      for (const ajv of [this.strict, this.coercing])
        ajv.addSchema({ $id: id, components: doc.components ?? {} });
    }
  }

  private compile(api: ApiId, schema: SchemaObject, coerce = false): ValidateFunction {
    const id = this.documentIds.get(api);
    if (!id) throw new Error(`No document registered for ${api}`);
    return (coerce ? this.coercing : this.strict).compile(rebase(schema, id) as object);
  }

  /** A validator for any schema of the API's document (local references resolve against it). */
  schema(api: ApiId, schema: SchemaObject): ValidateFunction {
    return this.compile(api, schema);
  }

  private readonly components = new Map<string, ValidateFunction>();

  /** A validator for a named component schema, e.g. `Customer`; compiled once, then reused. */
  component(api: ApiId, name: string): ValidateFunction {
    return cached(this.components, `${api}#${name}`, () =>
      this.compile(api, { $ref: `#/components/schemas/${name}` } as SchemaObject),
    );
  }

  private readonly requests = new Map<string, RequestValidators>();
  private readonly responses = new Map<string, Map<string, Map<string, ValidateFunction>>>();

  /** Validators for an operation's parameters and bodies; compiled once per operation, then reused. */
  requestValidators(op: OperationInfo): RequestValidators {
    return cached(this.requests, `${op.api} ${op.method} ${op.path}`, () => this.compileRequest(op));
  }

  /** Validators for each documented response body, keyed by status then media type; compiled once. */
  responseValidators(op: OperationInfo): Map<string, Map<string, ValidateFunction>> {
    return cached(this.responses, `${op.api} ${op.method} ${op.path}`, () => this.compileResponses(op));
  }

  private compileRequest(op: OperationInfo): RequestValidators {
    const validators: RequestValidators = { body: new Map() };
    for (const location of ['path', 'query', 'header'] as const) {
      const parameters = op.parameters.filter((p) => p.in === location);
      if (parameters.length === 0) continue;
      const key = (name: string) => (location === 'header' ? name.toLowerCase() : name);
      validators[location] = this.compile(
        op.api,
        {
          type: 'object',
          properties: Object.fromEntries(
            parameters.map((p) => [key(p.name), (p.schema ?? {}) as SchemaObject]),
          ),
          required: parameters.filter((p) => p.required).map((p) => key(p.name)),
        },
        true,
      );
    }
    for (const [mediaType, media] of Object.entries(op.requestBody?.content ?? {})) {
      if (media.schema) validators.body.set(mediaType, this.compile(op.api, media.schema as SchemaObject));
    }
    return validators;
  }

  private compileResponses(op: OperationInfo): Map<string, Map<string, ValidateFunction>> {
    const byStatus = new Map<string, Map<string, ValidateFunction>>();
    for (const [status, response] of Object.entries(op.responses)) {
      const byMedia = new Map<string, ValidateFunction>();
      for (const [mediaType, media] of Object.entries(response.content ?? {})) {
        if (media.schema) byMedia.set(mediaType, this.compile(op.api, media.schema as SchemaObject));
      }
      byStatus.set(status, byMedia);
    }
    return byStatus;
  }
}

/** Turns Ajv's first error into a sentence that names the offending field. */
export function describeFailure(prefix: string, errors: ErrorObject[] | null | undefined): ValidationFailure {
  const error = errors?.[0];
  if (!error) return { field: prefix, message: `${prefix} is invalid` };
  const pointer = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = (extra?: string) =>
    [prefix, ...pointer, ...(extra ? [extra] : [])].reduce((path, part) =>
      /^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`,
    );
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        field: at(String(params.missingProperty)),
        message: `${at(String(params.missingProperty))} is required`,
      };
    case 'additionalProperties':
      return {
        field: at(String(params.additionalProperty)),
        message: `${at(String(params.additionalProperty))} is not an allowed property`,
      };
    case 'enum':
      return {
        field: at(),
        message: `${at()} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'type':
      return { field: at(), message: `${at()} must be of type ${[params.type].flat().join(' or ')}` };
    default:
      return { field: at(), message: `${at()} ${error.message ?? 'is invalid'}` };
  }
}
