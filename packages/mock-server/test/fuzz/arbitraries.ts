/**
 * fast-check arbitraries built from the spec: values that satisfy an operation's schemas, and requests
 * (valid, subtly invalid, or junk) for every operation. Nothing here restates a schema.
 */
import { type OpenApiDocument, type OperationInfo, resolve, type SchemaObject } from '@vouchspec/spec';
import fc from 'fast-check';
import { stringify } from 'qs';

type Json = Record<string, unknown>;

/** A schema with `allOf` merged and references resolved, keeping the keywords generation needs. */
interface Shape {
  types: string[];
  properties: Record<string, SchemaObject>;
  required: string[];
  items?: SchemaObject;
  additional?: SchemaObject | boolean;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  variants: SchemaObject[];
}

function shape(doc: OpenApiDocument, raw: SchemaObject | undefined): Shape {
  const out: Shape = { types: [], properties: {}, required: [], variants: [] };
  const visit = (node: SchemaObject | undefined) => {
    if (!node) return;
    const schema = resolve<SchemaObject>(doc, node) as SchemaObject & Json;
    for (const part of schema.allOf ?? []) visit(part as SchemaObject);
    out.variants.push(...((schema.oneOf ?? schema.anyOf ?? []) as SchemaObject[]));
    if (schema.type) out.types.push(...[schema.type].flat());
    Object.assign(out.properties, schema.properties ?? {});
    out.required.push(...(schema.required ?? []));
    if ('items' in schema && schema.items) out.items = schema.items as SchemaObject;
    if (schema.additionalProperties !== undefined)
      out.additional = schema.additionalProperties as SchemaObject;
    for (const key of [
      'enum',
      'format',
      'minimum',
      'maximum',
      'minLength',
      'maxLength',
      'maxItems',
    ] as const) {
      if (schema[key] !== undefined) (out as unknown as Json)[key] = schema[key];
    }
  };
  visit(raw);
  return out;
}

const isoDate = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** Values that satisfy a schema (up to a nesting depth, past which optional parts are left out). */
export function schemaValue(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = shape(doc, schema);
  const nonNull = s.types.filter((t) => t !== 'null');
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.constantFrom(...s.enum);
    if (nonNull.length === 0 && s.variants.length > 0) {
      const variants = s.variants.filter((v) => resolve<SchemaObject>(doc, v).type !== 'null');
      return fc.oneof(...variants.map((v) => schemaValue(doc, v, depth + 1)));
    }
    switch (nonNull[0] ?? (Object.keys(s.properties).length > 0 ? 'object' : undefined)) {
      case 'object': {
        const entries = Object.entries(s.properties);
        if (entries.length === 0) {
          return fc.dictionary(
            fc.string({ minLength: 1, maxLength: 8 }),
            fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()),
            {
              maxKeys: depth > 2 ? 0 : 3,
            },
          );
        }
        const required = new Set(s.required);
        const kept = entries.filter(([name]) => required.has(name) || depth < 3);
        return fc.record(
          Object.fromEntries(kept.map(([name, child]) => [name, schemaValue(doc, child, depth + 1)])),
          {
            requiredKeys: kept.map(([name]) => name).filter((name) => required.has(name)),
          },
        );
      }
      case 'array':
        return fc.array(schemaValue(doc, s.items, depth + 1), {
          maxLength: Math.min(s.maxItems ?? 3, depth > 2 ? 1 : 3),
        });
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
      case 'number':
        return fc.double({
          min: s.minimum ?? -1e6,
          max: s.maximum ?? 1e6,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'string':
        if (s.format === 'date-time') return isoDate.map((d) => d.toISOString());
        if (s.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
        if (s.format === 'uuid') return fc.uuid();
        return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 24, 24) });
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return s.types.includes('null') ? fc.option(base, { nil: null, freq: 5 }) : base;
}

/** Values of the wrong kind, to put where a schema expects something else. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
  fc.constant('9'.repeat(400)),
  fc.constant('ż🎟️\u0000"\\'),
);

/** A valid value with one thing broken: a required property dropped, a value replaced, or junk added. */
export function brokenValueOf(doc: OpenApiDocument, schema: SchemaObject | undefined): fc.Arbitrary<unknown> {
  return fc.tuple(schemaValue(doc, schema), fc.nat(), wrongValue).map(([value, seed, wrong]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return wrong;
    const copy = structuredClone(value) as Json;
    const keys = Object.keys(copy);
    const key = keys[seed % Math.max(keys.length, 1)];
    if (key === undefined || seed % 3 === 0) copy[`unexpected_${seed % 7}`] = wrong;
    else if (seed % 3 === 1) delete copy[key];
    else copy[key] = wrong;
    return copy;
  });
}

export interface FuzzRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Fills a path template with known ids (to reach real records) or with arbitrary text. */
function pathFor(op: OperationInfo, knownIds: Record<string, string[]>): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const values = names.map((name) => {
    const known = knownIds[name] ?? [];
    const text = fc.string({ minLength: 1, maxLength: 16 });
    return known.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: text })
      : text;
  });
  return fc
    .tuple(...values)
    .map((chosen) =>
      names.reduce(
        (path, name, i) => path.replace(`{${name}}`, encodeURIComponent(String(chosen[i]))),
        op.path,
      ),
    );
}

/** A query string from some of the operation's declared query parameters (valid or broken values). */
function queryFor(doc: OpenApiDocument, op: OperationInfo, broken: boolean): fc.Arbitrary<string> {
  const parameters = op.parameters.filter((p) => p.in === 'query');
  if (parameters.length === 0) return fc.constant('');
  return fc
    .tuple(
      fc.subarray(parameters),
      fc.array(broken ? wrongValue : fc.constant(undefined), {
        minLength: parameters.length,
        maxLength: parameters.length,
      }),
    )
    .chain(([chosen, wrongs]) =>
      fc.tuple(...chosen.map((p) => schemaValue(doc, p.schema as SchemaObject))).map((values) => {
        const query: Json = {};
        chosen.forEach((p, i) => {
          query[p.name] = broken && wrongs[i] !== undefined ? wrongs[i] : values[i];
        });
        return stringify(query, { encodeValuesOnly: true, allowDots: false });
      }),
    );
}

export interface Credentials {
  voucherify: Record<string, string>;
  mews: Record<string, string>;
}

/** Requests for one operation: valid ones, ones with a broken parameter or body, or wrong credentials. */
export function requestFor(
  doc: OpenApiDocument,
  op: OperationInfo,
  knownIds: Record<string, string[]>,
  credentials: Credentials,
): fc.Arbitrary<FuzzRequest> {
  const media = Object.keys(op.requestBody?.content ?? {})[0];
  const schema = media ? (op.requestBody?.content[media]?.schema as SchemaObject) : undefined;
  const mews = op.api === 'mews-connector';
  return fc
    .record({
      kind: fc.constantFrom(
        'valid',
        'valid',
        'valid',
        'broken-body',
        'broken-query',
        'no-credentials',
        'malformed',
        'deep',
        'large',
      ),
      depth: fc.integer({ min: 2, max: 5000 }),
      largeBytes: fc.integer({ min: 16 * 1024, max: 128 * 1024 }),
      path: pathFor(op, knownIds),
      validQuery: queryFor(doc, op, false),
      brokenQuery: queryFor(doc, op, true),
      body: schema ? schemaValue(doc, schema) : fc.constant(undefined),
      brokenBody: schema ? brokenValueOf(doc, schema) : fc.constant(undefined),
    })
    .map(({ kind, path, validQuery, brokenQuery, body, brokenBody, depth, largeBytes }) => {
      const query = kind === 'broken-query' ? brokenQuery : validQuery;
      const headers: Record<string, string> =
        mews || kind === 'no-credentials' ? {} : { ...credentials.voucherify };
      let payload: unknown = kind === 'broken-body' ? brokenBody : body;
      if (mews && kind !== 'no-credentials' && payload && typeof payload === 'object')
        payload = { ...(payload as Json), ...credentials.mews };
      let raw: string | undefined;
      if (media === 'multipart/form-data') {
        const boundary = 'vouchspecfuzz';
        const file =
          typeof (payload as Json | undefined)?.file === 'string'
            ? ((payload as Json).file as string)
            : 'source_id,name\n';
        headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
        raw = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`;
      } else if (payload !== undefined) {
        headers['Content-Type'] = 'application/json';
        raw = kind === 'malformed' ? `${JSON.stringify(payload).slice(0, -1)},` : JSON.stringify(payload);
        if (kind === 'deep') raw = withExtra(payload, nestedJson(depth));
        if (kind === 'large') raw = withExtra(payload, JSON.stringify('x'.repeat(largeBytes)));
      }
      return {
        label: `${op.api}:${op.operationId} (${kind})`,
        method: op.method.toUpperCase(),
        path: query ? `${path}?${query}` : path,
        headers,
        ...(raw !== undefined ? { body: raw } : {}),
      };
    });
}

/** An object nested `depth` levels deep, as text: as a value it would strain the test before the server. */
export const nestedJson = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

/**
 * The payload with one more value in it (as a `metadata` field of an object, or an item of an array),
 * so deep and large values reach the places bodies can hold them.
 */
function withExtra(payload: unknown, extraJson: string): string {
  if (Array.isArray(payload))
    return `[${extraJson}${payload.length > 0 ? ',' : ''}${JSON.stringify(payload).slice(1)}`;
  if (payload && typeof payload === 'object') {
    const rest = JSON.stringify({ ...(payload as Json), metadata: undefined }).slice(1);
    return `{"metadata":${extraJson}${rest === '}' ? '' : ','}${rest}`;
  }
  return extraJson;
}

/** Requests no operation expects: unknown paths, wrong methods, odd bodies. */
export const junkRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    path: fc.oneof(
      fc.constantFrom(
        '/',
        '/v1',
        '/v1/customers/x/y/z',
        '/management/v1/projects/p/unknown',
        '/api/connector/v1/nothing',
        '/%E0%A4%A',
      ),
      fc.webPath(),
    ),
    body: fc.option(fc.string({ maxLength: 64 }), { nil: undefined }),
  })
  .map(
    ({ method, path, body }): FuzzRequest => ({
      label: `junk ${method} ${path}`,
      method,
      path: path.startsWith('/') ? path : `/${path}`,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined || method === 'GET' ? {} : { body }),
    }),
  );
