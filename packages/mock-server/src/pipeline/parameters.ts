/** Stage: gather the operation's query and header parameters and check them, and the body, against the spec. */
import type { IncomingHttpHeaders } from 'node:http';
import { describeFailure } from '@vouchspec/spec/validation';
import { parse as parseQueryString } from 'qs';
import { HttpError } from '../http.js';
import { multipartForValidation } from '../multipart.js';
import type { CompiledOperation } from '../operations.js';

export interface Parameters {
  path: Record<string, string>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

export function collectParameters(
  compiled: CompiledOperation,
  pathParameters: Record<string, string>,
  search: string,
  headers: IncomingHttpHeaders,
): Parameters {
  const flat = new URLSearchParams(search);
  const nested = compiled.queryParameters.some((p) => p.deepObject)
    ? parseQueryString(search, { depth: 10, arrayLimit: 1000 })
    : {};
  const query: Record<string, unknown> = {};
  for (const { name, deepObject, array } of compiled.queryParameters) {
    // Names such as `created_at[before]` are literal, so they are read from the flat parse.
    const value = deepObject ? nested[name] : array ? flat.getAll(name) : flat.get(name);
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
      query[name] = value;
  }
  const header: Record<string, unknown> = {};
  for (const name of compiled.headerParameters) {
    const value = headers[name];
    if (value !== undefined) header[name] = value;
  }
  return { path: pathParameters, query, header };
}

export function validateRequest(
  compiled: CompiledOperation,
  parameters: Parameters,
  mediaType: string,
  body: unknown,
): void {
  for (const location of ['path', 'query', 'header'] as const) {
    const validate = compiled.validators[location];
    if (validate && !validate(parameters[location]))
      throw new HttpError(400, 'Invalid payload', describeFailure(location, validate.errors).message);
  }
  if (body === undefined) return;
  const validate = compiled.validators.body.get(mediaType);
  const validated = mediaType === 'multipart/form-data' ? multipartForValidation(body as never) : body;
  if (validate && !validate(validated))
    throw new HttpError(400, 'Invalid payload', describeFailure('body', validate.errors).message);
}
