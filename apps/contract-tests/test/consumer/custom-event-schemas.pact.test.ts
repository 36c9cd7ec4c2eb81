import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { successInteraction } from './interactions.js';
import { invalidBodyInteraction } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

// Invalid keys, unknown projects and items, deletion, duplicates and a create body without a property
// it requires: project-collections.pact.test.ts.
const pact = createPact('voucherify');

/** The documented schema (`newsletter_subscribed`); the provider state creates the same one. */
const schemaCreate = () =>
  requestExample<VoucherifySchemas['CustomEventSchemaCreate']>('voucherify', 'createCustomEventSchema');

describe('Custom event schemas', () => {
  it('listCustomEventSchemas: lists the custom event schemas of a project', () =>
    successInteraction(pact, 'listCustomEventSchemas', {
      given: states.projectWithCustomEventSchema,
      description: 'the schemas of a project with one',
      matcher: { nonEmpty: ['data'] },
      check: (list) => {
        expect(list.object).toBe('list');
        expect(list.data.length).toBeGreaterThan(0);
        expect(list.data[0]?.id).toMatch(/^ms_/);
        expect(list.data[0]?.name).toBeTruthy();
      },
    }));

  it('createCustomEventSchema: creates the documented newsletter event schema', () =>
    successInteraction(pact, 'createCustomEventSchema', {
      given: states.projectExists,
      description: 'the documented newsletter event schema',
      matcher: { values: { name: schemaCreate().name } },
      check: (schema) => {
        expect(schema.id).toMatch(/^ms_/);
        expect(schema.name).toBe(schemaCreate().name);
        expect(typeof schema.schema.properties).toBe('object');
        expect(schema.object).toBe('custom-event-schema');
      },
    }));

  it('getCustomEventSchema: returns a custom event schema', () =>
    successInteraction(pact, 'getCustomEventSchema', {
      given: states.projectWithCustomEventSchema,
      description: 'an existing schema',
      matcher: { values: { name: schemaCreate().name } },
      check: (schema) => {
        expect(schema.id).toMatch(/^ms_/);
        expect(schema.name).toBe(schemaCreate().name);
        expect(typeof schema.schema.properties).toBe('object');
      },
    }));

  it('updateCustomEventSchema: adds and removes properties', () =>
    successInteraction(pact, 'updateCustomEventSchema', {
      given: states.projectWithCustomEventSchema,
      description: 'the documented properties change',
      matcher: { include: ['updated_at'], values: { name: schemaCreate().name } },
      check: (schema) => {
        expect(schema.id).toMatch(/^ms_/);
        expect(schema.name).toBe(schemaCreate().name);
        expect(schema.updated_at).toEqual(expect.any(String));
      },
    }));

  it('updateCustomEventSchema: rejects a property type events cannot carry', () =>
    // Unlike metadata, custom event properties cannot hold geopoints.
    invalidBodyInteraction(pact, 'voucherify', 'updateCustomEventSchema', {
      given: states.projectWithCustomEventSchema,
      description: 'a property of an unsupported type',
      body: { schema: { properties: { store_location: { type: 'geopoint', optional: true } } } },
    }));
});
