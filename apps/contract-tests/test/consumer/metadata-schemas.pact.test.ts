import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
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
const schemasPath = '/management/v1/projects/{projectId}/metadata-schemas';
const schemaPath = '/management/v1/projects/{projectId}/metadata-schemas/{metadataSchemaId}';
/** Ids no server has: Voucherify ids are a prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing00000000';
const missingSchemaId = 'ms_vouchspecMissing00000000';

function schemaCreate(): VoucherifySchemas['MetadataSchemaCreate'] {
  return requestExample<VoucherifySchemas['MetadataSchemaCreate']>('voucherify', 'createMetadataSchema');
}

describe('Metadata schemas', () => {
  describe('listMetadataSchemas', () => {
    const { path, params } = requestPath('voucherify', schemasPath);

    it('listMetadataSchemas: lists the metadata schemas of a project', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithMetadataSchema)
        .uponReceiving('listMetadataSchemas: the schemas of a project with one')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'listMetadataSchemas', 200, { nonEmpty: ['data'] })),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(schemasPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(list.object).toBe('list');
          expect(list.data.length).toBeGreaterThan(0);
          expect(list.data[0]?.id).toMatch(/^ms_/);
          expect(list.data[0]?.related_object).toBeTruthy();
        });
    });

    it('listMetadataSchemas: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'listMetadataSchemas', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('listMetadataSchemas: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listMetadataSchemas'));
  });

  describe('createMetadataSchema', () => {
    const { path, params } = requestPath('voucherify', schemasPath);
    const body = schemaCreate();

    it('createMetadataSchema: creates the documented customer schema', async () => {
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('createMetadataSchema: the documented customer schema')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createMetadataSchema', 200, {
              values: { related_object: body.related_object, allow_defined_only: body.allow_defined_only },
            }),
          ),
        )
        .executeTest(async (server) => {
          const schema = await voucherifyClient(server.url)
            .POST(schemasPath, { params: { path: { projectId: params.projectId } }, body })
            .then(unwrap);
          expect(schema.id).toMatch(/^ms_/);
          expect(schema.related_object).toBe(body.related_object);
          expect(schema.allow_defined_only).toBe(false);
          expect(schema.object).toBe('metadata_schema');
        });
    });

    it('createMetadataSchema: rejects a schema without a related object', async () => {
      const { related_object: _relatedObject, ...invalid } = body;
      await invalidBodyInteraction(pact, 'voucherify', 'createMetadataSchema', {
        given: states.projectExists,
        description: 'a body without the required related_object',
        body: invalid,
      });
    });

    it('createMetadataSchema: answers 409 for a second schema of the same object type', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithMetadataSchema)
        .uponReceiving('createMetadataSchema: a schema for an object type that already has one')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(409, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'createMetadataSchema', 409, { include: ['key'] })),
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

    it('createMetadataSchema: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'createMetadataSchema', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
        body,
      }));

    it('createMetadataSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'createMetadataSchema'));
  });

  describe('getMetadataSchema', () => {
    const { path, params } = requestPath('voucherify', schemaPath);

    it('getMetadataSchema: returns a metadata schema', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithMetadataSchema)
        .uponReceiving('getMetadataSchema: an existing schema')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getMetadataSchema', 200, {
              values: { related_object: schemaCreate().related_object },
            }),
          ),
        )
        .executeTest(async (server) => {
          const schema = await voucherifyClient(server.url)
            .GET(schemaPath, { params: { path: params } })
            .then(unwrap);
          expect(schema.id).toMatch(/^ms_/);
          expect(schema.related_object).toBe(schemaCreate().related_object);
          expect(typeof schema.properties).toBe('object');
        });
    });

    it('getMetadataSchema: answers 404 for an unknown schema', () =>
      notFoundInteraction(pact, 'voucherify', 'getMetadataSchema', {
        given: states.projectExists,
        missing: { metadataSchemaId: missingSchemaId },
        description: 'a schema that does not exist',
        resourceType: 'metadata_schema',
      }));

    it('getMetadataSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getMetadataSchema'));
  });

  describe('updateMetadataSchema', () => {
    const { path, params } = requestPath('voucherify', schemaPath);
    const body = requestExample<VoucherifySchemas['MetadataSchemaUpdate']>(
      'voucherify',
      'updateMetadataSchema',
    );
    /** A documented date-time, standing in for the time of the update that the server sets. */
    const { created_at: aTimestamp } = responseContract('voucherify', 'updateMetadataSchema', 200)
      .example as VoucherifySchemas['MetadataSchema'];

    it('updateMetadataSchema: adds and retires definitions', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithMetadataSchema)
        .uponReceiving('updateMetadataSchema: the documented definitions change')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateMetadataSchema', 200, {
              values: { allow_defined_only: body.allow_defined_only, updated_at: aTimestamp },
            }),
          ),
        )
        .executeTest(async (server) => {
          const schema = await voucherifyClient(server.url)
            .PUT(schemaPath, { params: { path: params }, body })
            .then(unwrap);
          expect(schema.id).toMatch(/^ms_/);
          expect(schema.allow_defined_only).toBe(true);
          expect(schema.updated_at).toEqual(expect.any(String));
        });
    });

    it('updateMetadataSchema: rejects changing the value type of a definition', async () => {
      // The documented schema defines loyalty_tier as a string; its closed list of values is left out.
      const { eq: _eq, ...tier } = schemaCreate().properties.loyalty_tier ?? {};
      const invalid: VoucherifySchemas['MetadataSchemaUpdate'] = {
        properties: { loyalty_tier: { ...tier, type: 'number' } },
      };
      await invalidBodyInteraction(pact, 'voucherify', 'updateMetadataSchema', {
        given: states.projectWithMetadataSchema,
        description: 'a definition whose value type changes',
        body: invalid,
      });
    });

    it('updateMetadataSchema: answers 404 for an unknown schema', () =>
      notFoundInteraction(pact, 'voucherify', 'updateMetadataSchema', {
        given: states.projectExists,
        missing: { metadataSchemaId: missingSchemaId },
        description: 'a schema that does not exist',
        resourceType: 'metadata_schema',
        body,
      }));

    it('updateMetadataSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateMetadataSchema'));
  });

  describe('deleteMetadataSchema', () => {
    it('deleteMetadataSchema: deletes a metadata schema', () =>
      noContentInteraction(pact, 'voucherify', 'deleteMetadataSchema', {
        given: states.projectWithMetadataSchema,
        description: 'an existing schema',
      }));

    it('deleteMetadataSchema: answers 404 for an unknown schema', () =>
      notFoundInteraction(pact, 'voucherify', 'deleteMetadataSchema', {
        given: states.projectExists,
        missing: { metadataSchemaId: missingSchemaId },
        description: 'a schema that does not exist',
        resourceType: 'metadata_schema',
      }));

    it('deleteMetadataSchema: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteMetadataSchema'));
  });
});
