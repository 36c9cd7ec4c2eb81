/**
 * fast-check arbitraries of requests for every operation, from the spec: valid ones, ones with a broken
 * parameter or body, wrong credentials, deep or large bodies, and junk no operation expects.
 */
import type { OpenApiDocument, OperationInfo, SchemaObject } from '@vouchspec/spec';
import fc from 'fast-check';
import { stringify } from 'qs';
import { brokenValueOf, schemaValue, wrongValue } from './values.js';

type Json = Record<string, unknown>;

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
