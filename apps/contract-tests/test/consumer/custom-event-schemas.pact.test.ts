import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import {
  createPact,
  invalidManagementKeys,
  invalidManagementOptions,
  managementKeys,
  requestExample,
  requestPath,
  responseMatcher,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const schemasPath = '/management/v1/projects/{projectId}/custom-event-schemas';
const schemaPath = '/management/v1/projects/{projectId}/custom-event-schemas/{customEventSchemaId}';
/** Ids no server has: Voucherify ids are a prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing00000000';
const missingSchemaId = 'ms_vouchspecMissing00000000';

function schemaCreate(): VoucherifySchemas['CustomEventSchemaCreate'] {
  return requestExample<VoucherifySchemas['CustomEventSchemaCreate']>(
    'voucherify',
    'createCustomEventSchema',
  );
}

describe('Custom event schemas', () => {
  describe('listCustomEventSchemas', () => {
    const { path, params } = requestPath('voucherify', schemasPath);

    it('listCustomEventSchemas: lists the custom event schemas of a project', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('listCustomEventSchemas: the schemas of a project with one')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'listCustomEventSchemas', 200, { nonEmpty: ['data'] })),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(schemasPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(list.object).toBe('list');
          expect(list.data.length).toBeGreaterThan(0);
          expect(list.data[0]?.id).toMatch(/^ms_/);
          expect(list.data[0]?.name).toBeTruthy();
        });
    });

    it('listCustomEventSchemas: answers 404 for an unknown project', async () => {
      const missing = requestPath('voucherify', schemasPath, { projectId: missingProjectId });
      await pact
        .addInteraction()
        .uponReceiving('listCustomEventSchemas: a project that does not exist')
        .withRequest('GET', missing.path, (b) => b.headers(managementKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomEventSchemas', 404, {
              include: ['key', 'resource_id', 'resource_type'],
              exact: ['resource_id', 'resource_type'],
              values: { resource_id: missingProjectId, resource_type: 'project' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).GET(schemasPath, {
            params: { path: { projectId: missingProjectId } },
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'project' });
        });
    });

    it('listCustomEventSchemas: rejects invalid management keys', async () => {
      await pact
        .addInteraction()
        .given('a project exists')
        .uponReceiving('listCustomEventSchemas: invalid management keys')
        .withRequest('GET', path, (b) => b.headers(invalidManagementKeys))
        .willRespondWith(401, (b) => b.jsonBody(responseMatcher('voucherify', 'listCustomEventSchemas', 401)))
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url, invalidManagementOptions).GET(
            schemasPath,
            { params: { path: { projectId: params.projectId } } },
          );
          expect(response.status).toBe(401);
          expect(error?.code).toBe(401);
        });
    });
  });

  describe('createCustomEventSchema', () => {
    const { path, params } = requestPath('voucherify', schemasPath);
    const body = schemaCreate();

    it('createCustomEventSchema: creates the documented newsletter event schema', async () => {
      await pact
        .addInteraction()
        .given('a project exists')
        .uponReceiving('createCustomEventSchema: the documented newsletter event schema')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createCustomEventSchema', 200, { values: { name: body.name } }),
          ),
        )
        .executeTest(async (server) => {
          const schema = await voucherifyClient(server.url)
            .POST(schemasPath, { params: { path: { projectId: params.projectId } }, body })
            .then(unwrap);
          expect(schema.id).toMatch(/^ms_/);
          expect(schema.name).toBe(body.name);
          expect(typeof schema.schema.properties).toBe('object');
          expect(schema.object).toBe('custom-event-schema');
        });
    });

    it('createCustomEventSchema: rejects a schema without a name', async () => {
      const { name: _name, ...invalid } = body;
      await pact
        .addInteraction()
        .given('a project exists')
        .uponReceiving('createCustomEventSchema: a body without the required name')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(invalid))
        .willRespondWith(400, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createCustomEventSchema', 400, { include: ['code', 'key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(schemasPath, {
            params: { path: { projectId: params.projectId } },
            body: invalid as VoucherifySchemas['CustomEventSchemaCreate'],
          });
          expect(response.status).toBe(400);
          expect(error).toMatchObject({ code: 400, key: 'invalid_payload' });
        });
    });

    it('createCustomEventSchema: answers 409 for an event name the project already has', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('createCustomEventSchema: an event name that already has a schema')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(409, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'createCustomEventSchema', 409, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(schemasPath, {
            params: { path: { projectId: params.projectId } },
            body,
          });
          expect(response.status).toBe(409);
          expect(error).toMatchObject({ code: 409, key: 'duplicate_found' });
        });
    });

    it('createCustomEventSchema: answers 404 for an unknown project', async () => {
      const missing = requestPath('voucherify', schemasPath, { projectId: missingProjectId });
      await pact
        .addInteraction()
        .uponReceiving('createCustomEventSchema: a project that does not exist')
        .withRequest('POST', missing.path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createCustomEventSchema', 404, {
              include: ['key', 'resource_type'],
              exact: ['resource_type'],
              values: { resource_type: 'project' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(schemasPath, {
            params: { path: { projectId: missingProjectId } },
            body,
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'project' });
        });
    });

    it('createCustomEventSchema: rejects invalid management keys', async () => {
      await pact
        .addInteraction()
        .given('a project exists')
        .uponReceiving('createCustomEventSchema: invalid management keys')
        .withRequest('POST', path, (b) => b.headers(invalidManagementKeys).jsonBody(body))
        .willRespondWith(401, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'createCustomEventSchema', 401)),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url, invalidManagementOptions).POST(
            schemasPath,
            { params: { path: { projectId: params.projectId } }, body },
          );
          expect(response.status).toBe(401);
          expect(error?.code).toBe(401);
        });
    });
  });

  describe('getCustomEventSchema', () => {
    const { path, params } = requestPath('voucherify', schemaPath);

    it('getCustomEventSchema: returns a custom event schema', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('getCustomEventSchema: an existing schema')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getCustomEventSchema', 200, {
              values: { name: schemaCreate().name },
            }),
          ),
        )
        .executeTest(async (server) => {
          const schema = await voucherifyClient(server.url)
            .GET(schemaPath, { params: { path: params } })
            .then(unwrap);
          expect(schema.id).toMatch(/^ms_/);
          expect(schema.name).toBe(schemaCreate().name);
          expect(typeof schema.schema.properties).toBe('object');
        });
    });

    it('getCustomEventSchema: answers 404 for an unknown schema', async () => {
      const missing = requestPath('voucherify', schemaPath, { customEventSchemaId: missingSchemaId });
      await pact
        .addInteraction()
        .given('a project exists')
        .uponReceiving('getCustomEventSchema: a schema that does not exist')
        .withRequest('GET', missing.path, (b) => b.headers(managementKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getCustomEventSchema', 404, {
              include: ['key', 'resource_id', 'resource_type'],
              exact: ['resource_id', 'resource_type'],
              values: { resource_id: missingSchemaId, resource_type: 'custom-event-schema' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).GET(schemaPath, {
            params: { path: missing.params },
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({
            key: 'not_found',
            resource_id: missingSchemaId,
            resource_type: 'custom-event-schema',
          });
        });
    });

    it('getCustomEventSchema: rejects invalid management keys', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('getCustomEventSchema: invalid management keys')
        .withRequest('GET', path, (b) => b.headers(invalidManagementKeys))
        .willRespondWith(401, (b) => b.jsonBody(responseMatcher('voucherify', 'getCustomEventSchema', 401)))
        .executeTest(async (server) => {
          const { response } = await voucherifyClient(server.url, invalidManagementOptions).GET(schemaPath, {
            params: { path: params },
          });
          expect(response.status).toBe(401);
        });
    });
  });

  describe('updateCustomEventSchema', () => {
    const { path, params } = requestPath('voucherify', schemaPath);
    const body = requestExample<VoucherifySchemas['CustomEventSchemaUpdate']>(
      'voucherify',
      'updateCustomEventSchema',
    );

    it('updateCustomEventSchema: adds and removes properties', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('updateCustomEventSchema: the documented properties change')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateCustomEventSchema', 200, {
              include: ['updated_at'],
              values: { name: schemaCreate().name },
            }),
          ),
        )
        .executeTest(async (server) => {
          const schema = await voucherifyClient(server.url)
            .PUT(schemaPath, { params: { path: params }, body })
            .then(unwrap);
          expect(schema.id).toMatch(/^ms_/);
          expect(schema.name).toBe(schemaCreate().name);
          expect(schema.updated_at).toEqual(expect.any(String));
        });
    });

    it('updateCustomEventSchema: rejects a property type events cannot carry', async () => {
      // Unlike metadata, custom event properties cannot hold geopoints.
      const invalid = { schema: { properties: { store_location: { type: 'geopoint', optional: true } } } };
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('updateCustomEventSchema: a property of an unsupported type')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(invalid))
        .willRespondWith(400, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateCustomEventSchema', 400, { include: ['code', 'key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(schemaPath, {
            params: { path: params },
            body: invalid as unknown as VoucherifySchemas['CustomEventSchemaUpdate'],
          });
          expect(response.status).toBe(400);
          expect(error).toMatchObject({ code: 400, key: 'invalid_payload' });
        });
    });

    it('updateCustomEventSchema: answers 404 for an unknown schema', async () => {
      const missing = requestPath('voucherify', schemaPath, { customEventSchemaId: missingSchemaId });
      await pact
        .addInteraction()
        .given('a project exists')
        .uponReceiving('updateCustomEventSchema: a schema that does not exist')
        .withRequest('PUT', missing.path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateCustomEventSchema', 404, {
              include: ['key', 'resource_type'],
              exact: ['resource_type'],
              values: { resource_type: 'custom-event-schema' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(schemaPath, {
            params: { path: missing.params },
            body,
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'custom-event-schema' });
        });
    });

    it('updateCustomEventSchema: rejects invalid management keys', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('updateCustomEventSchema: invalid management keys')
        .withRequest('PUT', path, (b) => b.headers(invalidManagementKeys).jsonBody(body))
        .willRespondWith(401, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'updateCustomEventSchema', 401)),
        )
        .executeTest(async (server) => {
          const { response } = await voucherifyClient(server.url, invalidManagementOptions).PUT(schemaPath, {
            params: { path: params },
            body,
          });
          expect(response.status).toBe(401);
        });
    });
  });

  describe('deleteCustomEventSchema', () => {
    const { path, params } = requestPath('voucherify', schemaPath);

    it('deleteCustomEventSchema: deletes a custom event schema', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('deleteCustomEventSchema: an existing schema')
        .withRequest('DELETE', path, (b) => b.headers(managementKeys))
        .willRespondWith(204)
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(schemaPath, {
            params: { path: params },
          });
          expect(error).toBeUndefined();
          expect(response.status).toBe(204);
        });
    });

    it('deleteCustomEventSchema: answers 404 for an unknown schema', async () => {
      const missing = requestPath('voucherify', schemaPath, { customEventSchemaId: missingSchemaId });
      await pact
        .addInteraction()
        .given('a project exists')
        .uponReceiving('deleteCustomEventSchema: a schema that does not exist')
        .withRequest('DELETE', missing.path, (b) => b.headers(managementKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'deleteCustomEventSchema', 404, {
              include: ['key', 'resource_type'],
              exact: ['resource_type'],
              values: { resource_type: 'custom-event-schema' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(schemaPath, {
            params: { path: missing.params },
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'custom-event-schema' });
        });
    });

    it('deleteCustomEventSchema: rejects invalid management keys', async () => {
      await pact
        .addInteraction()
        .given('a project with a custom event schema exists')
        .uponReceiving('deleteCustomEventSchema: invalid management keys')
        .withRequest('DELETE', path, (b) => b.headers(invalidManagementKeys))
        .willRespondWith(401, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'deleteCustomEventSchema', 401)),
        )
        .executeTest(async (server) => {
          const { response } = await voucherifyClient(server.url, invalidManagementOptions).DELETE(
            schemaPath,
            { params: { path: params } },
          );
          expect(response.status).toBe(401);
        });
    });
  });
});
