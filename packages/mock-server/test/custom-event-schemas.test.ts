import { describe, expect, it } from 'vitest';
import { collectionCalls, other, twoProjects } from './fixtures/project-collections.js';
import { schemaErrors, useMock } from './helpers.js';

const mock = useMock({ seed: twoProjects });
const { create, list, get, update, remove } = collectionCalls(mock, 'custom-event-schemas');

const newsletter = {
  name: 'newsletter_subscribed',
  schema: {
    properties: {
      channel: { type: 'string', optional: false },
      subscribed_at: { type: 'datetime', optional: true },
    },
  },
};

describe('createCustomEventSchema', () => {
  it('creates a schema whose properties start active', async () => {
    const res = await create(newsletter);
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'CustomEventSchema', res.body)).toBeUndefined();
    expect(res.body.id).toMatch(/^ms_[A-Za-z0-9]{24}$/);
    expect(res.body).toMatchObject({
      object: 'custom-event-schema',
      name: 'newsletter_subscribed',
      schema: {
        properties: {
          channel: { type: 'string', optional: false, deleted: false },
          subscribed_at: { type: 'datetime', optional: true, deleted: false },
        },
      },
    });
    expect(Date.parse(res.body.created_at)).not.toBeNaN();
    expect(res.body.updated_at).toBeUndefined();
  });

  it('accepts an empty set of properties', async () => {
    const res = await create({ name: 'store_visited', schema: { properties: {} } });
    expect(res.status).toBe(200);
    expect(res.body.schema).toEqual({ properties: {} });
  });

  it('answers 409 for a name the project already uses, but not for one used in another project', async () => {
    await create(newsletter);
    const duplicate = await create({ ...newsletter, schema: { properties: {} } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 409, key: 'duplicate_found' });
    expect(duplicate.body.details).toContain('newsletter_subscribed');
    expect((await create(newsletter, other)).status).toBe(200);
  });

  it('answers 400 for a blank name', async () => {
    const res = await create({ name: '  ', schema: { properties: {} } });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('body.name: the event name must not be empty');
  });
});

describe('listCustomEventSchemas', () => {
  it('lists the project’s schemas in creation order, and only those', async () => {
    const first = await create(newsletter);
    const second = await create({ name: 'store_visited', schema: { properties: {} } });
    await create({ name: 'elsewhere', schema: { properties: {} } }, other);
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [first.body, second.body], total: 2 });
  });

  it('returns an empty list for a project without schemas', async () => {
    expect((await list(other)).body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
  });
});

describe('updateCustomEventSchema', () => {
  it('adds and replaces the properties sent, keeps the others, and stamps updated_at', async () => {
    const created = await create(newsletter);
    const res = await update(created.body.id, {
      schema: {
        properties: {
          double_opt_in: { type: 'boolean', optional: true },
          channel: { type: 'number' },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.schema.properties).toEqual({
      channel: { type: 'number', optional: false, deleted: false },
      subscribed_at: { type: 'datetime', optional: true, deleted: false },
      double_opt_in: { type: 'boolean', optional: true, deleted: false },
    });
    expect(res.body.created_at).toBe(created.body.created_at);
    expect(Date.parse(res.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.created_at));
    expect((await get(created.body.id)).body).toEqual(res.body);
  });

  it('deactivates a property sent with deleted: true and restores it with deleted: false', async () => {
    const created = await create(newsletter);
    const removed = await update(created.body.id, {
      schema: { properties: { subscribed_at: { deleted: true } } },
    });
    expect(removed.body.schema.properties.subscribed_at).toEqual({
      type: 'datetime',
      optional: true,
      deleted: true,
    });
    const restored = await update(created.body.id, {
      schema: { properties: { subscribed_at: { deleted: false } } },
    });
    expect(restored.body.schema.properties.subscribed_at.deleted).toBe(false);
  });

  it('keeps the name, and answers 400 to an attempt to change it', async () => {
    const created = await create(newsletter);
    const same = await update(created.body.id, { name: 'newsletter_subscribed' });
    expect(same.status).toBe(200);
    expect(same.body.schema).toEqual(created.body.schema);
    const renamed = await update(created.body.id, { name: 'renamed' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.details).toBe('body.name: the event name cannot be changed');
    expect((await get(created.body.id)).body.name).toBe('newsletter_subscribed');
  });
});

describe('deleteCustomEventSchema', () => {
  it('frees the schema’s name', async () => {
    const created = await create(newsletter);
    expect((await remove(created.body.id)).status).toBe(204);
    expect((await create(newsletter)).status).toBe(200);
  });
});
