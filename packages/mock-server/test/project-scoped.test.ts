/**
 * What every collection under `/management/v1/projects/{projectId}/…` does alike: an item belongs to one
 * project, and an unknown project, an unknown id or an item of another project is a 404 that changes
 * nothing. Requests are the spec's own examples; what each collection does beyond this is in its own file.
 */
import { findOperation, requestExample } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { collectionCalls, home, missing, other, twoProjects } from './fixtures/project-collections.js';
import { expectNotFound, useMock } from './helpers.js';

const mock = useMock({ seed: twoProjects });

/** Each collection by the names of its operations (`createBrand`, `listBrands`, …) and its 404's resource_type. */
const collections = [
  { name: 'Brand', plural: 'Brands', resourceType: 'brand' },
  { name: 'Webhook', plural: 'Webhooks', resourceType: 'webhook' },
  { name: 'MetadataSchema', plural: 'MetadataSchemas', resourceType: 'metadata_schema' },
  { name: 'CustomEventSchema', plural: 'CustomEventSchemas', resourceType: 'custom-event-schema' },
  { name: 'StackingRules', plural: 'StackingRules', resourceType: 'stacking_rules' },
];

describe.each(collections)('$plural', ({ name, resourceType }) => {
  const segment = findOperation('voucherify', `create${name}`).path.split('{projectId}/')[1] as string;
  const { create, list, get, update, remove } = collectionCalls(mock, segment);
  const createBody = requestExample('voucherify', `create${name}`);
  const updateBody = requestExample('voucherify', `update${name}`);
  const unknownId = `${resourceType}_unknown`;

  it('answers 404 naming the project, on every operation, for a project that does not exist', async () => {
    const created = (await create(createBody)).body;
    for (const res of [
      await create(createBody, missing),
      await list(missing),
      await get(created.id, missing),
      await update(created.id, updateBody, missing),
      await remove(created.id, missing),
    ]) {
      expectNotFound(res, 'project', missing);
    }
    expect((await get(created.id)).body).toEqual(created);
  });

  it('answers 404 naming the item for an id the project does not have', async () => {
    for (const res of [await get(unknownId), await update(unknownId, updateBody), await remove(unknownId)]) {
      expectNotFound(res, resourceType, unknownId);
    }
  });

  it('keeps an item to its project: another project gets 404 for it and cannot change it', async () => {
    const created = (await create(createBody)).body;
    for (const res of [
      await get(created.id, other),
      await update(created.id, updateBody, other),
      await remove(created.id, other),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ resource_type: resourceType, resource_id: created.id });
    }
    expect((await list(other)).body.data).not.toContainEqual(created);
    expect((await get(created.id, home)).body).toEqual(created);
  });

  it('gets an item as it was created, until it is deleted', async () => {
    const created = await create(createBody);
    expect(created.status).toBe(200);
    expect((await get(created.body.id)).body).toEqual(created.body);
    const deleted = await remove(created.body.id);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await get(created.body.id)).status).toBe(404);
    expect((await list()).body.data).not.toContainEqual(created.body);
    expect((await remove(created.body.id)).status).toBe(404);
  });
});
