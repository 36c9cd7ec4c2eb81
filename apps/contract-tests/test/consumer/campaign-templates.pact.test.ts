import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import { errorInteraction, successInteraction } from './interactions.js';
import { interactionTable, invalidBodyInteraction, unknownProject } from './shared-interactions.js';
import { createPact, fromProviderState, requestExample, requestPath, states } from './support.js';

const pact = createPact('voucherify');
/** Ids no server has: Voucherify ids are a prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing00000000';
const missingTemplateId = 'camptpl_vouchspecMissing00000000';

/** The documented copy request; the destination project comes from the provider state. */
const copyBody = requestExample<VoucherifySchemas['CampaignTemplateCopy']>(
  'voucherify',
  'copyCampaignTemplate',
);
const copyBodyToStateProject = {
  ...copyBody,
  destination_project_id: fromProviderState('${destinationProjectId}', copyBody.destination_project_id),
};
/** The documented id of a template, standing for the state's oldest one on the consumer side. */
const { campaignTemplateId: exampleTemplateId } = requestPath(
  'voucherify',
  '/management/v1/projects/{projectId}/templates/campaigns/{campaignTemplateId}/copy',
).params;

/** The documented templates of one campaign type, to stand for a filtered page. */
function documentedTemplatesOfType(type: VoucherifySchemas['CampaignTemplateType']) {
  const { example } = responseContract('voucherify', 'listCampaignTemplates', 200);
  return ((example as VoucherifySchemas['CampaignTemplateList']).data ?? []).filter(
    (template) => template.campaign_type === type,
  );
}

describe('Campaign templates', () => {
  it('listCampaignTemplates: lists the templates of a project', () =>
    successInteraction(pact, 'listCampaignTemplates', {
      given: states.projectWithTemplates,
      description: 'the templates of a project',
      matcher: { include: ['data'], nonEmpty: ['data'] },
      check: (page) => {
        expect(page.object).toBe('list');
        expect(page.data?.length).toBeGreaterThan(0);
        expect(page.data?.[0]).toMatchObject({ object: 'campaign_template' });
        expect(page.data?.[0]?.id).toMatch(/^camptpl_/);
      },
    }));

  it('listCampaignTemplates: returns a first page with the total when asked for', () =>
    successInteraction(pact, 'listCampaignTemplates', {
      given: states.projectWithTemplates,
      description: 'a first page of one template with the total',
      query: { pact: { limit: '1', include_total: 'true' }, client: { limit: 1, include_total: true } },
      matcher: {
        include: ['data', 'total', 'more_starting_after'],
        nonEmpty: ['data'],
        exact: ['has_more'],
        values: { has_more: true },
      },
      check: (page) => {
        expect(page.data).toHaveLength(1);
        expect(page.has_more).toBe(true);
        expect(page.more_starting_after).toMatch(/^camptpl_/);
        expect(page.total).toBeGreaterThan(1);
      },
    }));

  it('listCampaignTemplates: continues after the template a cursor names', () =>
    successInteraction(pact, 'listCampaignTemplates', {
      given: states.projectWithTemplates,
      description: 'the page after a cursor',
      query: {
        pact: {
          limit: '1',
          starting_after_id: fromProviderState('${campaignTemplateId}', exampleTemplateId),
        },
        client: { limit: 1, starting_after_id: exampleTemplateId },
      },
      matcher: { include: ['data'], nonEmpty: ['data'], exact: ['has_more'], values: { has_more: false } },
      check: (page) => {
        expect(page.data).toHaveLength(1);
        expect(page.has_more).toBe(false);
      },
    }));

  it('listCampaignTemplates: filters the templates by campaign type', () =>
    successInteraction(pact, 'listCampaignTemplates', {
      given: states.projectWithTemplates,
      description: 'the gift voucher templates',
      query: {
        pact: { 'filters[campaign_type][conditions][$is]': 'GIFT_VOUCHERS' },
        client: { filters: { campaign_type: { conditions: { $is: 'GIFT_VOUCHERS' } } } },
      },
      matcher: {
        include: ['data'],
        nonEmpty: ['data'],
        exact: ['data[].campaign_type', 'has_more'],
        values: { data: documentedTemplatesOfType('GIFT_VOUCHERS'), has_more: false },
      },
      check: (page) => {
        expect(page.data?.length).toBeGreaterThan(0);
        for (const template of page.data ?? []) expect(template.campaign_type).toBe('GIFT_VOUCHERS');
      },
    }));

  it('copyCampaignTemplate: copies a template into another project', () =>
    successInteraction(pact, 'copyCampaignTemplate', {
      given: states.templatesAndDestination,
      description: 'a template copied under a new name and description',
      body: copyBody,
      pactBody: copyBodyToStateProject,
      matcher: {
        include: ['description'],
        values: { name: copyBody.name, description: copyBody.description },
      },
      check: (copy, params) => {
        expect(copy.object).toBe('campaign_template');
        expect(copy.id).not.toBe(params.campaignTemplateId);
        expect(copy.name).toBe(copyBody.name);
        expect(copy.description).toBe(copyBody.description);
      },
    }));

  it('copyCampaignTemplate: rejects a body without the destination project', () => {
    const { destination_project_id: _destination, ...body } = copyBody;
    return invalidBodyInteraction(pact, 'voucherify', 'copyCampaignTemplate', {
      given: states.templatesAndDestination,
      description: 'a body without the required destination_project_id',
      body,
    });
  });

  it('copyCampaignTemplate: answers 409 when the destination has a template of that name', () =>
    errorInteraction(pact, 'copyCampaignTemplate', {
      given: states.templatesAndDestinationWithSameName,
      stateParams: { name: copyBody.name },
      description: 'a name the destination project already uses',
      body: copyBody,
      pactBody: copyBodyToStateProject,
      status: 409,
      matcher: { include: ['key'] },
      check: (error) => expect(error).toMatchObject({ code: 409, key: 'duplicate_found' }),
    }));

  describe('what every operation on campaign templates answers', () => {
    interactionTable(
      pact,
      'voucherify',
      ['listCampaignTemplates', 'copyCampaignTemplate'],
      [
        ['listCampaignTemplates', 'answers 404', unknownProject(missingProjectId)],
        [
          'copyCampaignTemplate',
          'answers 404',
          {
            given: states.projectWithTemplates,
            missing: {},
            resourceId: missingProjectId,
            description: 'a destination project that does not exist',
            resourceType: 'project',
            body: { ...copyBody, destination_project_id: missingProjectId },
          },
        ],
      ],
    );
  });

  it('copyCampaignTemplate: answers 404 for an unknown template', () =>
    errorInteraction(pact, 'copyCampaignTemplate', {
      given: states.projectAndDestination,
      description: 'a template that does not exist',
      literal: { campaignTemplateId: missingTemplateId },
      body: copyBody,
      pactBody: copyBodyToStateProject,
      status: 404,
      matcher: {
        include: ['key', 'resource_id', 'resource_type'],
        exact: ['resource_id', 'resource_type'],
        values: { resource_id: missingTemplateId, resource_type: 'campaign_template' },
      },
      check: (error) => expect(error).toMatchObject({ key: 'not_found', resource_type: 'campaign_template' }),
    }));
});
