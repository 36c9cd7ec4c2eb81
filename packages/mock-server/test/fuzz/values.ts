/**
 * fast-check arbitraries of values built from the spec's schemas: values that satisfy a schema, values of
 * the wrong kind, and valid values with one thing broken. Nothing here restates a schema.
 */
import { type OpenApiDocument, resolve, type SchemaObject } from '@vouchspec/spec';
import fc from 'fast-check';

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
export const wrongValue = fc.oneof(
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
