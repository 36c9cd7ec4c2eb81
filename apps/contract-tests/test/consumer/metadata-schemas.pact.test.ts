import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import { successInteraction } from './interactions.js';
import { invalidBodyInteraction } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

// Invalid keys, unknown projects and items, deletion, duplicates and a create body without a property
// it requires: project-collections.pact.test.ts.
const pact = createPact('voucherify');

/** The documented schema, for customers; the provider state creates the same one. */
const schemaCreate = () =>
  requestExample<VoucherifySchemas['MetadataSchemaCreate']>('voucherify', 'createMetadataSchema');
const schemaUpdate = requestExample<VoucherifySchemas['MetadataSchemaUpdate']>(
  'voucherify',
  'updateMetadataSchema',
);

describe('Metadata schemas', () => {
  it('listMetadataSchemas: lists the metadata schemas of a project', () =>
    successInteraction(pact, 'listMetadataSchemas', {
      given: states.projectWithMetadataSchema,
      description: 'the schemas of a project with one',
      matcher: { nonEmpty: ['data'] },
      check: (list) => {
        expect(list.object).toBe('list');
        expect(list.data.length).toBeGreaterThan(0);
        expect(list.data[0]?.id).toMatch(/^ms_/);
        expect(list.data[0]?.related_object).toBeTruthy();
      },
    }));

  it('createMetadataSchema: creates the documented customer schema', () => {
    const { related_object, allow_defined_only } = schemaCreate();
    return successInteraction(pact, 'createMetadataSchema', {
      given: states.projectExists,
      description: 'the documented customer schema',
      matcher: { values: { related_object, allow_defined_only } },
      check: (schema) => {
        expect(schema.id).toMatch(/^ms_/);
        expect(schema.related_object).toBe(related_object);
        expect(schema.allow_defined_only).toBe(false);
        expect(schema.object).toBe('metadata_schema');
      },
    });
  });

  it('getMetadataSchema: returns a metadata schema', () =>
    successInteraction(pact, 'getMetadataSchema', {
      given: states.projectWithMetadataSchema,
      description: 'an existing schema',
      matcher: { values: { related_object: schemaCreate().related_object } },
      check: (schema) => {
        expect(schema.id).toMatch(/^ms_/);
        expect(schema.related_object).toBe(schemaCreate().related_object);
        expect(typeof schema.properties).toBe('object');
      },
    }));

  it('updateMetadataSchema: adds and retires definitions', () => {
    /** A documented date-time, standing in for the time of the update that the server sets. */
    const { created_at: aTimestamp } = responseContract('voucherify', 'updateMetadataSchema', 200)
      .example as VoucherifySchemas['MetadataSchema'];
    return successInteraction(pact, 'updateMetadataSchema', {
      given: states.projectWithMetadataSchema,
      description: 'the documented definitions change',
      matcher: { values: { allow_defined_only: schemaUpdate.allow_defined_only, updated_at: aTimestamp } },
      check: (schema) => {
        expect(schema.id).toMatch(/^ms_/);
        expect(schema.allow_defined_only).toBe(true);
        expect(schema.updated_at).toEqual(expect.any(String));
      },
    });
  });

  it('updateMetadataSchema: rejects changing the value type of a definition', () => {
    // The documented schema defines loyalty_tier as a string; its closed list of values is left out.
    const { eq: _eq, ...tier } = schemaCreate().properties.loyalty_tier ?? {};
    const invalid: VoucherifySchemas['MetadataSchemaUpdate'] = {
      properties: { loyalty_tier: { ...tier, type: 'number' } },
    };
    return invalidBodyInteraction(pact, 'voucherify', 'updateMetadataSchema', {
      given: states.projectWithMetadataSchema,
      description: 'a definition whose value type changes',
      body: invalid,
    });
  });
});
