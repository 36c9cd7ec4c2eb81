import { describe, expect, it } from 'vitest';
import { collectionCalls, home, other, twoProjects } from './fixtures/project-collections.js';
import { schemaErrors, specExample, useMock } from './helpers.js';

const mock = useMock({ seed: twoProjects });
const { create, list, get, update, remove } = collectionCalls(mock, 'metadata-schemas');

/** How a definition is stored when only its type is sent: optional, single, active, and every limit unset (`null`). */
const unset = {
  optional: true,
  array: false,
  deleted: false,
  eq: [],
  ne: [],
  ...Object.fromEntries(
    ['object_type', 'min_length', 'max_length', 'exact_length', 'lt', 'lte', 'gt', 'gte'].map((limit) => [
      limit,
      null,
    ]),
  ),
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

  it.each([
    [
      'a new definition without a type',
      'customer',
      { tier: { optional: true } },
      'tier.type: is required for a new definition',
    ],
    [
      'a length limit on a number',
      'customer',
      { age: { type: 'number', max_length: 3 } },
      'age.max_length: only applies to type string',
    ],
    [
      'a bound on a string',
      'customer',
      { name: { type: 'string', gt: 1 } },
      'name.gt: only applies to type number',
    ],
    [
      'an object without its object_type',
      'order',
      { store: { type: 'object' } },
      'store.object_type: is required for type object',
    ],
    [
      'an object_type no custom object schema has',
      'order',
      { store: { type: 'object', object_type: 'store' } },
      'store.object_type: names no custom object schema of this project (store)',
    ],
    [
      'an object_type naming a standard object',
      'order',
      { buyer: { type: 'object', object_type: 'customer' } },
      'buyer.object_type: names no custom object schema of this project (customer)',
    ],
    [
      'an object_type on another type',
      'order',
      { note: { type: 'string', object_type: 'store' } },
      'note.object_type: is only allowed for type object',
    ],
  ])('answers 400 for %s, storing nothing', async (_what, related_object, properties, problem) => {
    const res = await create({ related_object, properties });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ key: 'invalid_payload', details: `properties.${problem}` });
    expect((await list()).body.total).toBe(0);
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

  it('returns an empty list for a project without schemas', async () => {
    expect((await list()).body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
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
});

describe('deleteMetadataSchema', () => {
  it('makes room for a new schema of the same object type', async () => {
    const created = await create(customerSchema);
    expect((await remove(created.body.id)).status).toBe(204);
    expect((await create(customerSchema)).status).toBe(200);
  });
});

describe('seeded metadata schemas', () => {
  it('are served and guarded like created ones', async () => {
    const seeded = specExample<{ id: string }>('MetadataSchema');
    mock.server.seed({ voucherify: { metadataSchemas: [{ ...seeded, project_id: home }] } });
    expect((await get(seeded.id)).body).toEqual(seeded);
    expect((await create({ related_object: 'customer', properties: {} })).status).toBe(409);
  });
});
