/**
 * Pact matchers derived from the spec: a response's schema decides the matcher (type, format, enum) and its
 * documented example supplies the values. Consumer tests therefore never restate a response shape.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import {
  type ApiId,
  findOperation,
  firstExample,
  flatten,
  loadBundle,
  type OpenAPIV3_1,
  type OpenApiDocument,
  pathParameterExamples,
  resolve,
  type SchemaObject,
} from '@vouchspec/spec';

export { requestExample } from '@vouchspec/spec';

const { atLeastLike, boolean, decimal, eachLike, equal, integer, regex, string, uuid } = MatchersV3;

const isoDateTime = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const isoDate = '^\\d{4}-\\d{2}-\\d{2}$';

export interface MatcherOptions {
  /**
   * Optional properties (dotted paths, `[]` for array items, e.g. `customers[].email`) to assert as well.
   * Required properties are always asserted; optional ones only when the consumer relies on them.
   */
  include?: string[];
  /** Arrays (dotted paths) that must hold at least one item; other arrays may be empty. */
  nonEmpty?: string[];
  /** Top-level values laid over the documented example, e.g. to mirror what a provider state creates. */
  values?: Record<string, unknown>;
  /**
   * Properties (paths as for `include`, which they imply) the provider must return exactly as in the example
   * or `values` — the ones the contract is about, such as a filtered field or an error's `resource_type`.
   * Everything else is matched by type and format.
   */
  exact?: string[];
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function matcherFor(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
  example: unknown,
  options: MatcherOptions = {},
): unknown {
  const exact = new Set(options.exact ?? []);
  // Asking for `a.b` implies `a`: an optional object is asserted when something inside it is.
  const include = new Set(
    [...(options.include ?? []), ...exact].flatMap((path) =>
      path.split('.').map((_, index, parts) =>
        parts
          .slice(0, index + 1)
          .join('.')
          .replace(/\[\]$/, ''),
      ),
    ),
  );
  const nonEmpty = new Set(options.nonEmpty ?? []);
  const walk = (node: SchemaObject | undefined, value: unknown, path: string): unknown => {
    const view = flatten(doc, node);
    if (value === null || value === undefined) return value;
    if (exact.has(path)) return equal(value);
    if (Array.isArray(value)) {
      const [first] = value;
      if (first === undefined) return [];
      const item = walk(view.items, first, `${path}[]`);
      return nonEmpty.has(path) ? eachLike(item, 1) : atLeastLike(item, 0, 1);
    }
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      const isMap = Object.keys(view.properties).length === 0 && view.additionalProperties !== undefined;
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const childPath = path ? `${path}.${key}` : key;
        // Free-form maps (metadata) carry whatever the test sent; their keys are data, not contract.
        if (isMap) continue;
        if (!view.required.has(key) && !include.has(childPath)) continue;
        if (child === null) continue;
        const childSchema = view.properties[key];
        out[key] = walk(childSchema, child, childPath);
      }
      return out;
    }
    if (typeof value === 'string') {
      if (view.enum) return regex(`^(${view.enum.map((v) => escapeRegex(String(v))).join('|')})$`, value);
      if (view.format === 'date-time') return regex(isoDateTime, value);
      if (view.format === 'date') return regex(isoDate, value);
      if (view.format === 'uuid') return uuid(value);
      return string(value);
    }
    if (typeof value === 'number')
      return view.type === 'integer'
        ? integer(value)
        : Number.isInteger(value)
          ? integer(value)
          : decimal(value);
    if (typeof value === 'boolean') return boolean(value);
    return value;
  };
  return walk(schema, example, '');
}

/** The spec's JSON schema and first example for an operation's response. */
export function responseContract(api: ApiId, operationId: string, status: number) {
  const doc = loadBundle(api);
  const media = findOperation(api, operationId, doc).responses[String(status)]?.content?.['application/json'];
  if (!media) throw new Error(`${operationId} documents no JSON body for ${status}`);
  return { doc, schema: media.schema as SchemaObject, example: firstExample(doc, media) };
}

/** A Pact body matcher for an operation's response, built from the spec (see `MatcherOptions`). */
export function responseMatcher(
  api: ApiId,
  operationId: string,
  status: number,
  options: MatcherOptions = {},
): unknown {
  const { doc, schema, example } = responseContract(api, operationId, status);
  return matcherFor(
    doc,
    schema,
    options.values ? { ...(example as object), ...options.values } : example,
    options,
  );
}

/** Matchers for the headers a response always carries (those the spec marks required). */
export function responseHeaders(
  api: ApiId,
  operationId: string,
  status: number,
): Record<string, MatchersV3.Matcher<string>> {
  const doc = loadBundle(api);
  const headers = findOperation(api, operationId, doc).responses[String(status)]?.headers ?? {};
  return Object.fromEntries(
    Object.entries(headers)
      .map(([name, raw]) => [name, resolve<OpenAPIV3_1.HeaderObject>(doc, raw)] as const)
      .filter(([, header]) => header.required)
      .map(([name, header]) => [name, regex('.+', String(header.example ?? 'example'))]),
  );
}

/** The names of a path template's parameters: `'/a/{x}/b/{y}'` → `'x' | 'y'`. */
export type PathParameterNames<Template extends string> =
  Template extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParameterNames<Rest> : never;

/**
 * A request path for a pact. Parameters given in `literal` are fixed in the pact; every other path parameter
 * is filled in by the provider state at verification time (`fromProviderState`), since servers generate
 * those ids. The consumer side uses the spec's parameter examples for them. Returns the pact's path and the
 * values to call the client with (`params: { path: params }`).
 */
export function requestPath<Template extends string>(
  api: ApiId,
  template: Template,
  literal: Partial<Record<PathParameterNames<Template>, string>> = {},
): { path: MatchersV3.Matcher<string> | string; params: Record<PathParameterNames<Template>, string> } {
  const fixed = literal as Record<string, string>;
  const params: Record<string, string> = { ...pathParameterExamples(api, template), ...fixed };
  const fill = (name: string) => encodeURIComponent(params[name] ?? '');
  const example = template.replace(/\{(\w+)\}/g, (_, name: string) => fill(name));
  const result = { params: params as Record<PathParameterNames<Template>, string> };
  if (Object.keys(params).every((name) => name in fixed)) return { path: example, ...result };
  const expression = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in fixed ? fill(name) : `\${${name}}`,
  );
  return { path: MatchersV3.fromProviderState(expression, example), ...result };
}
