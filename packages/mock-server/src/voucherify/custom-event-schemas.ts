import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { ProjectScope } from '../store/table.js';
import { projectCollection, timestamp } from './resource-helpers.js';

type CustomEventSchema = VoucherifySchemas['CustomEventSchema'];
type CustomEventSchemaCreate = VoucherifySchemas['CustomEventSchemaCreate'];
type CustomEventSchemaUpdate = VoucherifySchemas['CustomEventSchemaUpdate'];
type Properties = VoucherifySchemas['CustomEventSchemaDefinition']['properties'];

const schemas = projectCollection(
  (state) => state.customEventSchemas,
  'customEventSchemaId',
  'custom-event-schema',
);

/**
 * Merges sent property definitions into the current ones: each field sent replaces the stored one, so
 * `{deleted: true}` alone deactivates a property without losing its type. New properties start active.
 */
function mergeProperties(current: Properties, sent: Properties): Properties {
  // Built from entries, so a property with any name (even `__proto__`) is kept as data.
  return Object.fromEntries([
    ...Object.entries(current).filter(([name]) => !Object.hasOwn(sent, name)),
    ...Object.entries(sent).map(([name]) => [
      name,
      { deleted: false, ...(Object.hasOwn(current, name) ? current[name] : {}), ...sent[name] },
    ]),
  ]) as Properties;
}

/** An event name must be non-blank and unique in its project, since events are tracked by name. */
function checkName(ctx: RequestContext, name: string, inProject: ProjectScope<CustomEventSchema>): void {
  if (name.trim() === '')
    throw new HttpError(400, 'Invalid payload', 'body.name: the event name must not be empty');
  if ([...inProject.values()].some((schema) => schema.name === name))
    throw new HttpError(
      409,
      'Duplicated resource found',
      `A custom event schema named ${name} already exists in project ${ctx.params.path.projectId}`,
    );
}

export const customEventSchemaHandlers: Record<string, Handler> = {
  createCustomEventSchema: (ctx) => {
    const input = ctx.body as CustomEventSchemaCreate;
    checkName(ctx, input.name, schemas.inProject(ctx));
    const schema: CustomEventSchema = {
      id: voucherifyId('ms'),
      name: input.name,
      schema: { properties: mergeProperties({}, input.schema.properties) },
      created_at: timestamp(),
      object: 'custom-event-schema',
    };
    return schemas.save(ctx, schema);
  },
  listCustomEventSchemas: schemas.list,
  getCustomEventSchema: schemas.get,
  updateCustomEventSchema: (ctx) => {
    const stored = schemas.item(ctx);
    const input = ctx.body as CustomEventSchemaUpdate & { name?: unknown };
    // The update schema has no `name`; say so rather than silently keep the old one.
    if (input.name !== undefined && input.name !== stored.name)
      throw new HttpError(400, 'Invalid payload', 'body.name: the event name cannot be changed');
    const schema: CustomEventSchema = {
      ...stored,
      ...(input.schema
        ? { schema: { properties: mergeProperties(stored.schema.properties, input.schema.properties) } }
        : {}),
      updated_at: timestamp(),
    };
    return schemas.save(ctx, schema);
  },
  deleteCustomEventSchema: schemas.delete,
};
