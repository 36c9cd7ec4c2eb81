import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import {
  invalidBodyInteraction,
  invalidCredentialsInteraction,
  noContentInteraction,
  notFoundInteraction,
} from './shared-interactions.js';
import {
  createPact,
  managementKeys,
  requestExample,
  requestPath,
  responseMatcher,
  states,
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
        .given(states.projectWithCustomEventSchema)
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

    it('listCustomEventSchemas: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'listCustomEventSchemas', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('listCustomEventSchemas: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listCustomEventSchemas'));
  });

  describe('createCustomEventSchema', () => {
    const { path, params } = requestPath('voucherify', schemasPath);
    const body = schemaCreate();

    it('createCustomEventSchema: creates the documented newsletter event schema', async () => {
      await pact
        .addInteraction()
        .given(states.projectExists)
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
      await invalidBodyInteraction(pact, 'voucherify', 'createCustomEventSchema', {
        given: states.projectExists,
        description: 'a body without the required name',
        body: invalid,
      });
    });

    it('createCustomEventSchema: answers 409 for an event name the project already has', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithCustomEventSchema)
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

    it('createCustomEventSchema: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'createCustomEventSchema', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
        body,
      }));

    it('createCustomEventSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'createCustomEventSchema'));
  });

  describe('getCustomEventSchema', () => {
    const { path, params } = requestPath('voucherify', schemaPath);

    it('getCustomEventSchema: returns a custom event schema', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithCustomEventSchema)
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

    it('getCustomEventSchema: answers 404 for an unknown schema', () =>
      notFoundInteraction(pact, 'voucherify', 'getCustomEventSchema', {
        given: states.projectExists,
        missing: { customEventSchemaId: missingSchemaId },
        description: 'a schema that does not exist',
        resourceType: 'custom-event-schema',
      }));

    it('getCustomEventSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getCustomEventSchema'));
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
        .given(states.projectWithCustomEventSchema)
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
      await invalidBodyInteraction(pact, 'voucherify', 'updateCustomEventSchema', {
        given: states.projectWithCustomEventSchema,
        description: 'a property of an unsupported type',
        body: invalid,
      });
    });

    it('updateCustomEventSchema: answers 404 for an unknown schema', () =>
      notFoundInteraction(pact, 'voucherify', 'updateCustomEventSchema', {
        given: states.projectExists,
        missing: { customEventSchemaId: missingSchemaId },
        description: 'a schema that does not exist',
        resourceType: 'custom-event-schema',
        body,
      }));

    it('updateCustomEventSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateCustomEventSchema'));
  });

  describe('deleteCustomEventSchema', () => {
    it('deleteCustomEventSchema: deletes a custom event schema', () =>
      noContentInteraction(pact, 'voucherify', 'deleteCustomEventSchema', {
        given: states.projectWithCustomEventSchema,
        description: 'an existing schema',
      }));

    it('deleteCustomEventSchema: answers 404 for an unknown schema', () =>
      notFoundInteraction(pact, 'voucherify', 'deleteCustomEventSchema', {
        given: states.projectExists,
        missing: { customEventSchemaId: missingSchemaId },
        description: 'a schema that does not exist',
        resourceType: 'custom-event-schema',
      }));

    it('deleteCustomEventSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteCustomEventSchema'));
  });
});
