import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { ProjectScope } from '../store/table.js';
import { dataList, requireProject, requireScoped, scoped, timestamp } from './resource-helpers.js';

type CustomEventSchema = VoucherifySchemas['CustomEventSchema'];
type CustomEventSchemaCreate = VoucherifySchemas['CustomEventSchemaCreate'];
type CustomEventSchemaUpdate = VoucherifySchemas['CustomEventSchemaUpdate'];
type Properties = VoucherifySchemas['CustomEventSchemaDefinition']['properties'];

const resourceType = 'custom-event-schema';

function projectSchemas(ctx: RequestContext): ProjectScope<CustomEventSchema> {
  return scoped(ctx.state.customEventSchemas, requireProject(ctx).id);
}

function requireSchema(ctx: RequestContext): CustomEventSchema {
  return requireScoped(ctx, ctx.state.customEventSchemas, 'customEventSchemaId', resourceType);
}

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
function checkName(ctx: RequestContext, name: string, schemas: ProjectScope<CustomEventSchema>): void {
  if (name.trim() === '')
    throw new HttpError(400, 'Invalid payload', 'body.name: the event name must not be empty');
  if ([...schemas.values()].some((schema) => schema.name === name))
    throw new HttpError(
      409,
      'Duplicated resource found',
      `A custom event schema named ${name} already exists in project ${ctx.params.path.projectId}`,
    );
}

export const customEventSchemaHandlers: Record<string, Handler> = {
  createCustomEventSchema: (ctx) => {
    const input = ctx.body as CustomEventSchemaCreate;
    const schemas = projectSchemas(ctx);
    checkName(ctx, input.name, schemas);
    const schema: CustomEventSchema = {
      id: voucherifyId('ms'),
      name: input.name,
      schema: { properties: mergeProperties({}, input.schema.properties) },
      created_at: timestamp(),
      object: 'custom-event-schema',
    };
    schemas.set(schema.id, schema);
    return { status: 200, body: schema };
  },
  listCustomEventSchemas: (ctx) => ({ status: 200, body: dataList([...projectSchemas(ctx).values()]) }),
  getCustomEventSchema: (ctx) => ({ status: 200, body: requireSchema(ctx) }),
  updateCustomEventSchema: (ctx) => {
    const stored = requireSchema(ctx);
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
    projectSchemas(ctx).set(schema.id, schema);
    return { status: 200, body: schema };
  },
  deleteCustomEventSchema: (ctx) => {
    projectSchemas(ctx).delete(requireSchema(ctx).id);
    return { status: 204 };
  },
};
