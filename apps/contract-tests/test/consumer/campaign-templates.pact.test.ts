import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import {
  invalidBodyInteraction,
  invalidCredentialsInteraction,
  notFoundInteraction,
} from './shared-interactions.js';
import {
  createPact,
  fromProviderState,
  managementKeys,
  requestExample,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const templatesPath = '/management/v1/projects/{projectId}/templates/campaigns';
const copyPath = '/management/v1/projects/{projectId}/templates/campaigns/{campaignTemplateId}/copy';
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

/** The documented templates of one campaign type, to stand for a filtered page. */
function documentedTemplatesOfType(type: VoucherifySchemas['CampaignTemplateType']) {
  const { example } = responseContract('voucherify', 'listCampaignTemplates', 200);
  return ((example as VoucherifySchemas['CampaignTemplateList']).data ?? []).filter(
    (template) => template.campaign_type === type,
  );
}

describe('Campaign templates', () => {
  describe('listCampaignTemplates', () => {
    const { path, params } = requestPath('voucherify', templatesPath);

    it('listCampaignTemplates: lists the templates of a project', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithTemplates)
        .uponReceiving('listCampaignTemplates: the templates of a project')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCampaignTemplates', 200, {
              include: ['data'],
              nonEmpty: ['data'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(templatesPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(page.object).toBe('list');
          expect(page.data?.length).toBeGreaterThan(0);
          expect(page.data?.[0]).toMatchObject({ object: 'campaign_template' });
          expect(page.data?.[0]?.id).toMatch(/^camptpl_/);
        });
    });

    it('listCampaignTemplates: returns a first page with the total when asked for', async () => {
      const query = { limit: 1, include_total: true };
      await pact
        .addInteraction()
        .given(states.projectWithTemplates)
        .uponReceiving('listCampaignTemplates: a first page of one template with the total')
        .withRequest('GET', path, (b) =>
          b.headers(managementKeys).query({ limit: String(query.limit), include_total: 'true' }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCampaignTemplates', 200, {
              include: ['data', 'total', 'more_starting_after'],
              nonEmpty: ['data'],
              exact: ['has_more'],
              values: { has_more: true },
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(templatesPath, { params: { path: { projectId: params.projectId }, query } })
            .then(unwrap);
          expect(page.data).toHaveLength(1);
          expect(page.has_more).toBe(true);
          expect(page.more_starting_after).toMatch(/^camptpl_/);
          expect(page.total).toBeGreaterThan(1);
        });
    });

    it('listCampaignTemplates: continues after the template a cursor names', async () => {
      const cursor = requestPath('voucherify', copyPath).params.campaignTemplateId;
      await pact
        .addInteraction()
        .given(states.projectWithTemplates)
        .uponReceiving('listCampaignTemplates: the page after a cursor')
        .withRequest('GET', path, (b) =>
          b.headers(managementKeys).query({
            limit: '1',
            starting_after_id: fromProviderState('${campaignTemplateId}', cursor),
          }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCampaignTemplates', 200, {
              include: ['data'],
              nonEmpty: ['data'],
              exact: ['has_more'],
              values: { has_more: false },
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(templatesPath, {
              params: {
                path: { projectId: params.projectId },
                query: { limit: 1, starting_after_id: cursor },
              },
            })
            .then(unwrap);
          expect(page.data).toHaveLength(1);
          expect(page.has_more).toBe(false);
        });
    });

    it('listCampaignTemplates: filters the templates by campaign type', async () => {
      const filters: VoucherifySchemas['CampaignTemplateFilters'] = {
        campaign_type: { conditions: { $is: 'GIFT_VOUCHERS' } },
      };
      await pact
        .addInteraction()
        .given(states.projectWithTemplates)
        .uponReceiving('listCampaignTemplates: the gift voucher templates')
        .withRequest('GET', path, (b) =>
          b.headers(managementKeys).query({ 'filters[campaign_type][conditions][$is]': 'GIFT_VOUCHERS' }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCampaignTemplates', 200, {
              include: ['data'],
              nonEmpty: ['data'],
              exact: ['data[].campaign_type', 'has_more'],
              values: { data: documentedTemplatesOfType('GIFT_VOUCHERS'), has_more: false },
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(templatesPath, { params: { path: { projectId: params.projectId }, query: { filters } } })
            .then(unwrap);
          expect(page.data?.length).toBeGreaterThan(0);
          for (const template of page.data ?? []) expect(template.campaign_type).toBe('GIFT_VOUCHERS');
        });
    });

    it('listCampaignTemplates: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'listCampaignTemplates', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('listCampaignTemplates: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listCampaignTemplates'));
  });

  describe('copyCampaignTemplate', () => {
    const { path, params } = requestPath('voucherify', copyPath);

    it('copyCampaignTemplate: copies a template into another project', async () => {
      await pact
        .addInteraction()
        .given(states.templatesAndDestination)
        .uponReceiving('copyCampaignTemplate: a template copied under a new name and description')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(copyBodyToStateProject))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'copyCampaignTemplate', 200, {
              include: ['description'],
              values: { name: copyBody.name, description: copyBody.description },
            }),
          ),
        )
        .executeTest(async (server) => {
          const copy = await voucherifyClient(server.url)
            .POST(copyPath, { params: { path: params }, body: copyBody })
            .then(unwrap);
          expect(copy.object).toBe('campaign_template');
          expect(copy.id).not.toBe(params.campaignTemplateId);
          expect(copy.name).toBe(copyBody.name);
          expect(copy.description).toBe(copyBody.description);
        });
    });

    it('copyCampaignTemplate: rejects a body without the destination project', async () => {
      const { destination_project_id: _destination, ...body } = copyBody;
      await invalidBodyInteraction(pact, 'voucherify', 'copyCampaignTemplate', {
        given: states.templatesAndDestination,
        description: 'a body without the required destination_project_id',
        body: body,
      });
    });

    it('copyCampaignTemplate: answers 404 for an unknown template', async () => {
      const missing = requestPath('voucherify', copyPath, { campaignTemplateId: missingTemplateId });
      await pact
        .addInteraction()
        .given(states.projectAndDestination)
        .uponReceiving('copyCampaignTemplate: a template that does not exist')
        .withRequest('POST', missing.path, (b) => b.headers(managementKeys).jsonBody(copyBodyToStateProject))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'copyCampaignTemplate', 404, {
              include: ['key', 'resource_id', 'resource_type'],
              exact: ['resource_id', 'resource_type'],
              values: { resource_id: missingTemplateId, resource_type: 'campaign_template' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(copyPath, {
            params: { path: missing.params },
            body: copyBody,
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'campaign_template' });
        });
    });

    it('copyCampaignTemplate: answers 404 for an unknown destination project', async () => {
      const body = { ...copyBody, destination_project_id: missingProjectId };
      await pact
        .addInteraction()
        .given(states.projectWithTemplates)
        .uponReceiving('copyCampaignTemplate: a destination project that does not exist')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'copyCampaignTemplate', 404, {
              include: ['key', 'resource_id', 'resource_type'],
              exact: ['resource_id', 'resource_type'],
              values: { resource_id: missingProjectId, resource_type: 'project' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(copyPath, {
            params: { path: params },
            body,
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({
            key: 'not_found',
            resource_type: 'project',
            resource_id: missingProjectId,
          });
        });
    });

    it('copyCampaignTemplate: answers 409 when the destination has a template of that name', async () => {
      await pact
        .addInteraction()
        .given(states.templatesAndDestinationWithSameName, {
          name: copyBody.name,
        })
        .uponReceiving('copyCampaignTemplate: a name the destination project already uses')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(copyBodyToStateProject))
        .willRespondWith(409, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'copyCampaignTemplate', 409, {
              include: ['key'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(copyPath, {
            params: { path: params },
            body: copyBody,
          });
          expect(response.status).toBe(409);
          expect(error).toMatchObject({ code: 409, key: 'duplicate_found' });
        });
    });

    it('copyCampaignTemplate: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'copyCampaignTemplate'));
  });
});
