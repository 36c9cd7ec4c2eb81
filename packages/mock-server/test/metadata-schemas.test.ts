import { describe, expect, it } from 'vitest';
import { exampleProject, managementKeys, schemaErrors, specExample, useMock } from './helpers.js';

const home = 'proj_home';
const other = 'proj_other';
const mock = useMock({
  seed: () => ({ voucherify: { projects: [exampleProject(home), exampleProject(other)] } }),
});
const example = <T>(name: string) => specExample<T>(name);
const base = (projectId: string) => `/management/v1/projects/${projectId}/metadata-schemas`;

const create = (body: unknown, projectId = home) =>
  mock.call('POST', base(projectId), { headers: managementKeys, body });
const list = (projectId = home) => mock.call('GET', base(projectId), { headers: managementKeys });
const get = (id: string, projectId = home) =>
  mock.call('GET', `${base(projectId)}/${id}`, { headers: managementKeys });
const update = (id: string, body: unknown, projectId = home) =>
  mock.call('PUT', `${base(projectId)}/${id}`, { headers: managementKeys, body });
const remove = (id: string, projectId = home) =>
  mock.call('DELETE', `${base(projectId)}/${id}`, { headers: managementKeys });

/** How a definition is stored when only its type is sent. */
const unset = {
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
};

const customerSchema = {
  related_object: 'customer',
  properties: {
    loyalty_tier: { type: 'string', optional: false, eq: ['bronze', 'silver', 'gold'] },
    birthday_month: { type: 'number', gte: 1, lte: 12 },
  },
};

describe('createMetadataSchema', () => {
  it('creates a schema with every definition setting filled in', async () => {
    const res = await create(customerSchema);
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'MetadataSchema', res.body)).toBeUndefined();
    expect(res.body).toEqual({
      id: res.body.id,
      related_object: 'customer',
      properties: {
        loyalty_tier: { type: 'string', ...unset, optional: false, eq: ['bronze', 'silver', 'gold'] },
        birthday_month: { type: 'number', ...unset, gte: 1, lte: 12 },
      },
      allow_defined_only: false,
      created_at: res.body.created_at,
      updated_at: null,
      object: 'metadata_schema',
    });
    expect(res.body.id).toMatch(/^ms_[A-Za-z0-9]{24}$/);
    expect(Number.isNaN(Date.parse(res.body.created_at))).toBe(false);
  });

  it('keeps allow_defined_only when sent', async () => {
    const res = await create({ related_object: 'order', allow_defined_only: true, properties: {} });
    expect(res.body).toMatchObject({ allow_defined_only: true, properties: {} });
  });

  it('409s for a second schema of the same object type in the project, not in another project', async () => {
    expect((await create(customerSchema)).status).toBe(200);
    const again = await create({ related_object: 'customer', properties: {} });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 409, key: 'duplicate_found' });
    expect(again.body.details).toBe(`A metadata schema for customer already exists in project ${home}`);
    expect((await create(customerSchema, other)).status).toBe(200);
    expect((await list()).body.total).toBe(1);
  });

  it('requires a type for each definition', async () => {
    const res = await create({ related_object: 'customer', properties: { tier: { optional: true } } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      key: 'invalid_payload',
      details: 'properties.tier.type: is required for a new definition',
    });
  });

  it('rejects limits that do not apply to the value type', async () => {
    const length = await create({
      related_object: 'customer',
      properties: { age: { type: 'number', max_length: 3 } },
    });
    expect(length.status).toBe(400);
    expect(length.body.details).toBe('properties.age.max_length: only applies to type string');
    const bound = await create({
      related_object: 'customer',
      properties: { name: { type: 'string', gt: 1 } },
    });
    expect(bound.body.details).toBe('properties.name.gt: only applies to type number');
    expect((await list()).body.data).toEqual([]);
  });

  it('nests custom objects one level deep', async () => {
    const store = await create({ related_object: 'store', properties: { city: { type: 'string' } } });
    expect(store.status).toBe(200);
    const order = await create({
      related_object: 'order',
      properties: { store: { type: 'object', object_type: 'store', optional: false } },
    });
    expect(order.status).toBe(200);
    expect(order.body.properties.store).toEqual({
      type: 'object',
      ...unset,
      optional: false,
      object_type: 'store',
    });

    const nested = await create({
      related_object: 'region',
      properties: { store: { type: 'object', object_type: 'store' } },
    });
    expect(nested.status).toBe(400);
    expect(nested.body.details).toBe(
      'properties.store.type: custom object region cannot nest another object',
    );
  });

  it('rejects object definitions without a known custom object, and object_type on other types', async () => {
    const missing = await create({ related_object: 'order', properties: { store: { type: 'object' } } });
    expect(missing.body.details).toBe('properties.store.object_type: is required for type object');
    const unknown = await create({
      related_object: 'order',
      properties: { store: { type: 'object', object_type: 'store' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toBe(
      'properties.store.object_type: names no custom object schema of this project (store)',
    );
    const standard = await create({
      related_object: 'order',
      properties: { buyer: { type: 'object', object_type: 'customer' } },
    });
    expect(standard.status).toBe(400);
    expect(standard.body.details).toBe(
      'properties.buyer.object_type: names no custom object schema of this project (customer)',
    );
    const misplaced = await create({
      related_object: 'order',
      properties: { note: { type: 'string', object_type: 'store' } },
    });
    expect(misplaced.body.details).toBe('properties.note.object_type: is only allowed for type object');
  });

  it('404s for a missing project', async () => {
    const res = await create(customerSchema, 'proj_missing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_missing' });
  });
});

describe('listMetadataSchemas', () => {
  it('lists the project’s schemas in creation order, unpaged', async () => {
    const customer = await create(customerSchema);
    const order = await create({
      related_object: 'order',
      properties: { gift_wrapped: { type: 'boolean' } },
    });
    await create({ related_object: 'product', properties: {} }, other);
    const res = await list();
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'MetadataSchemaList', res.body)).toBeUndefined();
    expect(res.body).toEqual({
      object: 'list',
      data_ref: 'data',
      data: [customer.body, order.body],
      total: 2,
    });
  });

  it('returns an empty list for a project without schemas, and 404 for a missing project', async () => {
    expect((await list()).body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
    const missing = await list('proj_missing');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_missing' });
  });
});

describe('getMetadataSchema', () => {
  it('returns the schema by id', async () => {
    const created = await create(customerSchema);
    const res = await get(created.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('404s for an unknown schema, a schema of another project, and a missing project', async () => {
    const created = await create(customerSchema);
    const unknown = await get('ms_unknown');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ resource_type: 'metadata_schema', resource_id: 'ms_unknown' });
    expect((await get(created.body.id, other)).status).toBe(404);
    expect((await get(created.body.id, 'proj_missing')).body).toMatchObject({ resource_type: 'project' });
  });
});

describe('updateMetadataSchema', () => {
  it('adds and replaces the definitions sent, keeps the others, and sets updated_at', async () => {
    const created = await create(customerSchema);
    const res = await update(created.body.id, {
      allow_defined_only: true,
      properties: {
        newsletter: { type: 'boolean' },
        // Sent without its settings, so they return to their defaults.
        loyalty_tier: { type: 'string', deleted: true },
      },
    });
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'MetadataSchema', res.body)).toBeUndefined();
    expect(res.body).toEqual({
      ...created.body,
      properties: {
        loyalty_tier: { type: 'string', ...unset, deleted: true },
        birthday_month: created.body.properties.birthday_month,
        newsletter: { type: 'boolean', ...unset },
      },
      allow_defined_only: true,
      updated_at: res.body.updated_at,
    });
    expect(Date.parse(res.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.created_at));
    expect((await get(created.body.id)).body).toEqual(res.body);
    expect((await list()).body.data).toEqual([res.body]);
  });

  it('treats keys named like object internals as ordinary definitions', async () => {
    const created = await create({ related_object: 'customer', properties: {} });
    const res = await update(created.body.id, {
      properties: JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "number"}}'),
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.properties)).toEqual(['__proto__', 'constructor']);
    expect(res.body.properties.constructor).toEqual({ type: 'number', ...unset });
  });

  it('keeps allow_defined_only when it is not sent, and a type that is not repeated', async () => {
    const created = await create({ ...customerSchema, allow_defined_only: true });
    const res = await update(created.body.id, { properties: { birthday_month: { gte: 2 } } });
    expect(res.status).toBe(200);
    expect(res.body.allow_defined_only).toBe(true);
    expect(res.body.properties.birthday_month).toEqual({ type: 'number', ...unset, gte: 2 });
  });

  it('refuses to change a definition’s type and leaves the schema unchanged', async () => {
    const created = await create(customerSchema);
    const res = await update(created.body.id, {
      properties: { newsletter: { type: 'boolean' }, birthday_month: { type: 'string' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('properties.birthday_month.type: cannot change from number to string');
    expect((await get(created.body.id)).body).toEqual(created.body);
  });

  it('404s for an unknown schema, a schema of another project, and a missing project', async () => {
    const created = await create(customerSchema);
    const body = { properties: {} };
    expect((await update('ms_unknown', body)).body).toMatchObject({ resource_type: 'metadata_schema' });
    expect((await update(created.body.id, body, other)).status).toBe(404);
    expect((await update(created.body.id, body, 'proj_missing')).body).toMatchObject({
      resource_type: 'project',
    });
  });
});

describe('deleteMetadataSchema', () => {
  it('deletes the schema, after which its object type can have a new one', async () => {
    const created = await create(customerSchema);
    const res = await remove(created.body.id);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await get(created.body.id)).status).toBe(404);
    expect((await list()).body.total).toBe(0);
    expect((await remove(created.body.id)).status).toBe(404);
    expect((await create(customerSchema)).status).toBe(200);
  });

  it('404s for a schema of another project and a missing project', async () => {
    const created = await create(customerSchema);
    expect((await remove(created.body.id, other)).status).toBe(404);
    expect((await remove(created.body.id, 'proj_missing')).body).toMatchObject({ resource_type: 'project' });
    expect((await get(created.body.id)).status).toBe(200);
  });
});

describe('seeded metadata schemas', () => {
  it('are served and guarded like created ones', async () => {
    const seeded = example<{ id: string }>('MetadataSchema');
    mock.server.seed({ voucherify: { metadataSchemas: [{ ...seeded, project_id: home }] } });
    expect((await get(seeded.id)).body).toEqual(seeded);
    expect((await create({ related_object: 'customer', properties: {} })).status).toBe(409);
  });
});
