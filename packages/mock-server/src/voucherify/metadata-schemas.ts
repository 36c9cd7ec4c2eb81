import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { ProjectScope } from '../store/table.js';
import { projectCollection, timestamp } from './resource-helpers.js';

type MetadataSchema = VoucherifySchemas['MetadataSchema'];
type MetadataSchemaCreate = VoucherifySchemas['MetadataSchemaCreate'];
type MetadataSchemaUpdate = VoucherifySchemas['MetadataSchemaUpdate'];
type Definition = VoucherifySchemas['MetadataDefinition'];
type Definitions = VoucherifySchemas['MetadataDefinitions'];

/** The object types Voucherify defines; any other `related_object` names a custom object. */
const standardObjects = new Set([
  'campaign',
  'voucher',
  'publication',
  'redemption',
  'product',
  'customer',
  'order',
  'order_item',
  'loyalty_tier',
  'promotion_tier',
  'earning_rule',
  'reward',
]);

/** The settings a definition takes when they are not sent; unset limits come back as `null`. */
const definitionDefaults = {
  optional: true,
  array: false,
  deleted: false,
  object_type: null,
  min_length: null,
  max_length: null,
  exact_length: null,
  eq: [],
  ne: [],
  lt: null,
  lte: null,
  gt: null,
  gte: null,
} satisfies Definition;

/** Limits that only make sense for one value type, per the definition's description. */
const limitsByType = {
  string: ['min_length', 'max_length', 'exact_length'],
  number: ['ne', 'lt', 'lte', 'gt', 'gte'],
} as const satisfies Record<string, readonly (keyof Definition)[]>;

const invalid = (name: string, setting: string, problem: string) =>
  new HttpError(400, 'Invalid payload', `properties.${name}.${setting}: ${problem}`);

const isSet = (value: unknown) =>
  value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

/** Checks an `object` definition: it must name a custom object, and custom objects cannot nest one. */
function checkNesting(
  name: string,
  definition: Definition,
  relatedObject: string,
  schemas: ProjectScope<MetadataSchema>,
): void {
  if (definition.type !== 'object') {
    if (isSet(definition.object_type)) throw invalid(name, 'object_type', 'is only allowed for type object');
    return;
  }
  if (!standardObjects.has(relatedObject))
    throw invalid(name, 'type', `custom object ${relatedObject} cannot nest another object`);
  const objectType = definition.object_type;
  if (typeof objectType !== 'string') throw invalid(name, 'object_type', 'is required for type object');
  const custom =
    !standardObjects.has(objectType) &&
    [...schemas.values()].some((schema) => schema.related_object === objectType);
  if (!custom)
    throw invalid(name, 'object_type', `names no custom object schema of this project (${objectType})`);
}

/**
 * The definition as stored: exactly as sent over the defaults. A new one needs a `type`; an existing one
 * keeps its type, which cannot change.
 */
function storedDefinition(
  name: string,
  sent: Definition,
  current: Definition | undefined,
  relatedObject: string,
  schemas: ProjectScope<MetadataSchema>,
): Definition {
  const type = sent.type ?? current?.type;
  if (!type) throw invalid(name, 'type', 'is required for a new definition');
  if (current?.type && current.type !== type)
    throw invalid(name, 'type', `cannot change from ${current.type} to ${type}`);
  const definition: Definition = { type, ...definitionDefaults, ...sent };
  for (const [limitType, limits] of Object.entries(limitsByType)) {
    const misplaced = limits.find((limit) => type !== limitType && isSet(definition[limit]));
    if (misplaced) throw invalid(name, misplaced, `only applies to type ${limitType}`);
  }
  checkNesting(name, definition, relatedObject, schemas);
  return definition;
}

/** The stored definitions with those sent added or replaced; the others stay as they are. */
function mergedDefinitions(
  current: Definitions,
  sent: Definitions,
  relatedObject: string,
  schemas: ProjectScope<MetadataSchema>,
): Definitions {
  // Built with fromEntries so that any key, `__proto__` included, stays a plain own property.
  const replaced = Object.entries(sent).map(([name, definition]) => {
    const previous = Object.hasOwn(current, name) ? current[name] : undefined;
    return [name, storedDefinition(name, definition, previous, relatedObject, schemas)] as const;
  });
  return Object.fromEntries([...Object.entries(current), ...replaced]);
}

const schemas = projectCollection((state) => state.metadataSchemas, 'metadataSchemaId', 'metadata_schema');

const createMetadataSchema: Handler = (ctx) => {
  const inProject = schemas.inProject(ctx);
  const input = ctx.body as MetadataSchemaCreate;
  if ([...inProject.values()].some((schema) => schema.related_object === input.related_object)) {
    throw new HttpError(
      409,
      'Duplicated resource found',
      `A metadata schema for ${input.related_object} already exists in project ${ctx.params.path.projectId}`,
    );
  }
  const schema: MetadataSchema = {
    id: voucherifyId('ms'),
    related_object: input.related_object,
    properties: mergedDefinitions({}, input.properties, input.related_object, inProject),
    allow_defined_only: input.allow_defined_only ?? false,
    created_at: timestamp(),
    updated_at: null,
    object: 'metadata_schema',
  };
  return schemas.save(ctx, schema);
};

const updateMetadataSchema: Handler = (ctx) => {
  const schema = schemas.item(ctx);
  const input = ctx.body as MetadataSchemaUpdate;
  // Validate everything before changing anything, so a rejected update leaves the schema as it was.
  const properties = mergedDefinitions(
    schema.properties,
    input.properties,
    schema.related_object,
    schemas.inProject(ctx),
  );
  return schemas.save(ctx, {
    ...schema,
    properties,
    ...(input.allow_defined_only !== undefined ? { allow_defined_only: input.allow_defined_only } : {}),
    updated_at: timestamp(),
  });
};

export const metadataSchemaHandlers: Record<string, Handler> = {
  createMetadataSchema,
  listMetadataSchemas: schemas.list,
  getMetadataSchema: schemas.get,
  updateMetadataSchema,
  deleteMetadataSchema: schemas.delete,
};
