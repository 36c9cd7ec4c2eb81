/**
 * What every project-scoped collection of the Management API answers alike, one row per collection: invalid
 * keys on each of its five operations, 404 for a project or an item that does not exist, 204 for deleting an
 * item, 409 for creating one the project already has, and 400 for a create body without a property it requires.
 * Only the names differ; each collection's own file records its successes and its other refusals.
 */
import type { ProviderStateName } from '@vouchspec/conformance/states';
import { describe, it } from 'vitest';
import {
  type InteractionRow,
  interactionTable,
  invalidBodyInteraction,
  unknownProject,
} from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

const pact = createPact('voucherify');

interface ProjectCollection {
  /** The operations' names: `list<Items>`, and `create`, `get`, `update`, `delete` + `<Item>`. */
  item: string;
  items: string;
  /** An id no server has, in the two lengths the collections' tests were recorded with. */
  missingProjectId: string;
  /** The item's path parameter, with an id no server has. */
  missingItem: Record<string, string>;
  /** The 404 for that item: what is missing, and the `resource_type` the error names. */
  missing: string;
  resourceType: string;
  /** The state of a project holding one item, and how the delete interaction names that item. */
  withItem: ProviderStateName;
  existing: string;
  /** How the 409 interaction describes creating the item again, for the collections that refuse it. */
  duplicate?: { description: string; include?: string[] };
  /** A property creating an item requires: the 400 interaction leaves it out of the documented body. */
  required?: string;
}

/** Ids no server has: a type prefix and 24 characters from a base-62 alphabet. */
const longMissingProject = 'proj_vouchspecMissing00000000';
const shortMissingProject = 'proj_vouchspecMissing000';

const collections: ProjectCollection[] = [
  {
    item: 'Brand',
    items: 'Brands',
    missingProjectId: shortMissingProject,
    missingItem: { brandingId: 'brd_vouchspecMissing00000000' },
    missing: 'a brand that does not exist',
    resourceType: 'brand',
    withItem: states.projectWithBrand,
    existing: 'an existing brand',
    duplicate: { description: 'a second brand for the same project', include: ['key', 'details'] },
  },
  {
    item: 'CustomEventSchema',
    items: 'CustomEventSchemas',
    missingProjectId: longMissingProject,
    missingItem: { customEventSchemaId: 'ms_vouchspecMissing00000000' },
    missing: 'a schema that does not exist',
    resourceType: 'custom-event-schema',
    withItem: states.projectWithCustomEventSchema,
    existing: 'an existing schema',
    duplicate: { description: 'an event name that already has a schema' },
    required: 'name',
  },
  {
    item: 'MetadataSchema',
    items: 'MetadataSchemas',
    missingProjectId: longMissingProject,
    missingItem: { metadataSchemaId: 'ms_vouchspecMissing00000000' },
    missing: 'a schema that does not exist',
    resourceType: 'metadata_schema',
    withItem: states.projectWithMetadataSchema,
    existing: 'an existing schema',
    duplicate: { description: 'a schema for an object type that already has one' },
    required: 'related_object',
  },
  {
    item: 'StackingRules',
    items: 'StackingRules',
    missingProjectId: longMissingProject,
    missingItem: { stackingRulesId: 'stkr_vouchspecMissing00000000' },
    missing: 'rules that do not exist',
    resourceType: 'stacking_rules',
    withItem: states.projectWithStackingRules,
    existing: 'existing custom rules',
    duplicate: { description: 'a project that already has custom rules' },
  },
  {
    item: 'Webhook',
    items: 'Webhooks',
    missingProjectId: shortMissingProject,
    missingItem: { webhookId: 'wh_vouchspecMissing00000000' },
    missing: 'a webhook that does not exist',
    resourceType: 'webhook',
    withItem: states.projectWithWebhook,
    existing: 'an existing webhook',
    required: 'events',
  },
];

/** `list<Items>`, then `create`, `get`, `update` and `delete` + `<Item>`. */
const operationsOf = (c: ProjectCollection) =>
  [`list${c.items}`, ...['create', 'get', 'update', 'delete'].map((verb) => `${verb}${c.item}`)] as [
    string,
    string,
    string,
    string,
    string,
  ];

function rows(c: ProjectCollection): InteractionRow[] {
  const [list, create, get, update, remove] = operationsOf(c);
  const unknownItem = {
    given: states.projectExists,
    missing: c.missingItem,
    description: c.missing,
    resourceType: c.resourceType,
  };
  return [
    [list, 'answers 404', unknownProject(c.missingProjectId)],
    [create, 'answers 404', unknownProject(c.missingProjectId)],
    ...[get, update, remove].map((op): InteractionRow => [op, 'answers 404', unknownItem]),
    [remove, 'answers 204', { given: c.withItem, description: c.existing }],
    ...(c.duplicate
      ? [[create, 'answers 409', { given: c.withItem, ...c.duplicate }] as InteractionRow]
      : []),
  ];
}

/** The documented create body without `property`. */
function without(operationId: string, property: string): Record<string, unknown> {
  const { [property]: _left, ...body } = requestExample<Record<string, unknown>>('voucherify', operationId);
  return body;
}

describe.each(collections)('$items of a project', (collection) => {
  interactionTable(pact, 'voucherify', operationsOf(collection), rows(collection));

  const { item, required } = collection;
  if (required)
    it(`create${item}: rejects a body without the required ${required}`, () =>
      invalidBodyInteraction(pact, 'voucherify', `create${item}`, {
        given: states.projectExists,
        description: `a body without the required ${required}`,
        body: without(`create${item}`, required),
      }));
});
