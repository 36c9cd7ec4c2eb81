/**
 * Checks one request and the upstream's answer against the spec, with the same routing, parameter gathering
 * and compiled validators the mock's pipeline uses. A violation names where it is (a JSON pointer), what the
 * spec expects and the JSON type of what was found — never a value, so no credential can leak through it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  type ApiId,
  credentialAlternatives,
  type OperationInfo,
  operationRouter,
  type ResponseObject,
  resolve,
} from '@vouchspec/spec';
import type { SchemaValidator } from '@vouchspec/spec/validation';
import type { ApiAdapter } from '../api.js';
import { HttpError } from '../http.js';
import { multipartForValidation } from '../multipart.js';
import { type CompiledOperation, compileOperation } from '../operations.js';
import { mediaTypeOf, parseBody } from '../pipeline/body.js';
import { defaultMaxJsonDepth, JsonBodyError, parseJson } from '../pipeline/json.js';
import { collectParameters } from '../pipeline/parameters.js';

export interface Violation {
  /** The part of the exchange: `operation`, `request.query`, `request.body`, `response.status`, … */
  in: string;
  /** JSON pointer inside that part (`''` for the whole of it). */
  pointer: string;
  /** What the spec expects there. */
  expected: string;
  /** The JSON type of what was found (`missing` when absent), or the status found. */
  found: string;
}

export interface Exchange {
  api: ApiId;
  method: string;
  pathname: string;
  search: string;
  requestHeaders: IncomingHttpHeaders;
  /** `undefined` when the body was too large to keep for validation. */
  requestBody: Buffer | undefined;
  status: number;
  responseHeaders: IncomingHttpHeaders;
  /** `undefined` when the body was too large to keep for validation. */
  responseBody: Buffer | undefined;
}

export interface CheckedExchange {
  operation?: OperationInfo;
  violations: Violation[];
}

type AjvError = NonNullable<ReturnType<SchemaValidator['schema']>['errors']>[number];

export function createExchangeChecker(validator: SchemaValidator, adapters: Record<ApiId, ApiAdapter>) {
  const compiledOf = new Map<OperationInfo, CompiledOperation>();
  const compiled = (op: OperationInfo) => {
    let found = compiledOf.get(op);
    if (!found) {
      found = compileOperation(op, adapters[op.api], validator);
      compiledOf.set(op, found);
    }
    return found;
  };

  return async function checkExchange(exchange: Exchange): Promise<CheckedExchange> {
    const route = operationRouter(exchange.api).find(exchange.method, exchange.pathname);
    if (!route) {
      const allowed = operationRouter(exchange.api).allowedMethods(exchange.pathname);
      const expected = allowed.length > 0 ? `one of ${allowed.join(', ')} on this path` : 'a documented path';
      return { violations: [{ in: 'operation', pointer: '', expected, found: 'undocumented operation' }] };
    }
    const operation = compiled(route.operation);
    const response = checkResponse(operation, exchange, validator);
    // A request the spec forbids is drift only when the upstream accepts it; rejecting it is what the spec says.
    if (exchange.status >= 400) return { operation: operation.op, violations: response };
    const request = await checkRequest(operation, route.pathParameters, exchange);
    return { operation: operation.op, violations: [...request, ...response] };
  };
}

async function checkRequest(
  compiled: CompiledOperation,
  pathParameters: Record<string, string>,
  exchange: Exchange,
): Promise<Violation[]> {
  const { requestHeaders: headers } = exchange;
  const violations: Violation[] = [];
  const params = collectParameters(compiled, pathParameters, exchange.search, headers);
  for (const location of ['path', 'query', 'header'] as const) {
    const validate = compiled.validators[location];
    if (validate && !validate(params[location]))
      violations.push(fromAjv(`request.${location}`, validate.errors?.[0], params[location]));
  }
  if (compiled.adapter.credentialsIn === 'headers') {
    const alternatives = credentialAlternatives(compiled.adapter.doc, compiled.op);
    const present = (header: string) => headers[header.toLowerCase()] !== undefined;
    if (alternatives.length > 0 && !alternatives.some((all) => all.every((c) => present(c.header)))) {
      const expected = alternatives.map((all) => all.map((c) => c.header).join(' + ')).join(' or ');
      violations.push({ in: 'request.credentials', pointer: '', expected, found: 'missing' });
    }
  }
  if (!compiled.op.requestBody || exchange.requestBody === undefined) return violations;
  const contentType = headers['content-type'];
  const mediaType = mediaTypeOf(contentType);
  let body: unknown;
  try {
    // The mock's own depth limit: a body deeper than that is reported, never walked by the validator.
    body = await parseBody(compiled, mediaType, contentType, exchange.requestBody, {
      maxBodyBytes: Number.POSITIVE_INFINITY,
      maxJsonDepth: defaultMaxJsonDepth,
    });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // JSON.parse quotes the text it fails on, which may hold a token: say only that it is not JSON.
    const expected = /not valid JSON/.test(error.details ?? '')
      ? 'valid JSON'
      : (error.details ?? error.message);
    const found = exchange.requestBody.length > 0 ? mediaType || 'no Content-Type' : 'missing';
    return [...violations, { in: 'request.body', pointer: '', expected, found }];
  }
  const validate = compiled.validators.body.get(mediaType);
  const validated = mediaType === 'multipart/form-data' ? multipartForValidation(body as never) : body;
  if (body !== undefined && validate && !validate(validated))
    violations.push(fromAjv('request.body', validate.errors?.[0], validated));
  return violations;
}

function checkResponse(
  compiled: CompiledOperation,
  exchange: Exchange,
  validator: SchemaValidator,
): Violation[] {
  const { op, adapter } = compiled;
  const status = String(exchange.status);
  const documented: ResponseObject | undefined = op.responses[status];
  if (!documented) {
    const expected = `one of ${Object.keys(op.responses).join(', ')}`;
    return [{ in: 'response.status', pointer: '', expected, found: status }];
  }
  const violations: Violation[] = [];
  for (const [name, raw] of Object.entries(documented.headers ?? {})) {
    const header = resolve<{ required?: boolean }>(adapter.doc, raw);
    if (header.required && exchange.responseHeaders[name.toLowerCase()] === undefined)
      violations.push({
        in: 'response.header',
        pointer: `/${name}`,
        expected: 'present (required)',
        found: 'missing',
      });
  }
  const raw = exchange.responseBody;
  if (raw === undefined || exchange.method === 'HEAD') return violations;
  const mediaTypes = Object.keys(documented.content ?? {});
  if (mediaTypes.length === 0) {
    if (raw.length > 0)
      violations.push({ in: 'response.body', pointer: '', expected: 'no body', found: 'bytes' });
    return violations;
  }
  const mediaType = mediaTypeOf(exchange.responseHeaders['content-type'] as string | undefined);
  const validate = validator.responseValidators(op).get(status)?.get(mediaType);
  if (!mediaTypes.includes(mediaType)) {
    const expected = mediaTypes.join(' or ');
    return [
      ...violations,
      { in: 'response.header', pointer: '/Content-Type', expected, found: mediaType || 'missing' },
    ];
  }
  if (!validate) return violations;
  let body: unknown;
  try {
    body = parseJson(raw);
  } catch (error) {
    if (!(error instanceof JsonBodyError)) throw error;
    // Only the depth message is safe to repeat: the others may quote the body.
    const tooDeep = /nests deeper/.test(error.message);
    const expected = tooDeep ? `JSON at most ${defaultMaxJsonDepth} levels deep` : 'valid JSON';
    return [
      ...violations,
      { in: 'response.body', pointer: '', expected, found: tooDeep ? 'deeper' : 'bytes' },
    ];
  }
  if (!validate(body)) violations.push(fromAjv('response.body', validate.errors?.[0], body));
  return violations;
}

/** Ajv's first error as a violation: the pointer of the offending value and the keyword it breaks. */
function fromAjv(where: string, error: AjvError | undefined, value: unknown): Violation {
  if (!error) return { in: where, pointer: '', expected: 'valid', found: jsonType(value) };
  const params = error.params as Record<string, unknown>;
  const child = (name: unknown) =>
    `${error.instancePath}/${String(name).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  switch (error.keyword) {
    case 'required':
      return {
        in: where,
        pointer: child(params.missingProperty),
        expected: 'present (required)',
        found: 'missing',
      };
    case 'additionalProperties': {
      const pointer = child(params.additionalProperty);
      return {
        in: where,
        pointer,
        expected: 'absent (no additional properties)',
        found: jsonType(at(value, pointer)),
      };
    }
    case 'enum': {
      const expected = `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      return {
        in: where,
        pointer: error.instancePath,
        expected,
        found: jsonType(at(value, error.instancePath)),
      };
    }
    case 'type':
      return {
        in: where,
        pointer: error.instancePath,
        expected: `type ${[params.type].flat().join(' or ')}`,
        found: jsonType(at(value, error.instancePath)),
      };
    default:
      return {
        in: where,
        pointer: error.instancePath,
        expected: `${error.keyword}: ${error.message ?? 'valid'}`,
        found: jsonType(at(value, error.instancePath)),
      };
  }
}

function at(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
}

function jsonType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
