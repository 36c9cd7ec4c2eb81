import { randomBytes } from 'node:crypto';
import { responseExample } from '@vouchspec/spec';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../../types.js';
import { defineState, type InjectedValue, type StateDefinitions } from '../define.js';
import { seedMock } from '../mock-only.js';
import { providerStateNames as names } from '../names.js';
import { createProject, deleteProject } from './projects.js';

type CampaignTemplate = VoucherifySchemas['CampaignTemplate'];

/** Why template states need the mock: the public API can copy and list templates, but not save new ones. */
const mockOnly = 'campaign templates are saved in the dashboard; the public API cannot create them';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh template id in Voucherify's shape: `camptpl_` and 24 base-62 characters. */
function templateId(): string {
  return `camptpl_${[...randomBytes(24)].map((byte) => base62[byte % base62.length]).join('')}`;
}

/** The templates of the spec's documented list page (oldest first), with fresh ids. */
function documentedTemplates(): CampaignTemplate[] {
  const example = responseExample('voucherify', 'listCampaignTemplates', 200);
  return (
    (example as VoucherifySchemas['CampaignTemplateList']).data?.map((t) => ({ ...t, id: templateId() })) ??
    []
  );
}

/** Saves templates into a project, straight into the mock. */
async function seedTemplates(target: ProviderTarget, projectId: string, templates: CampaignTemplate[]) {
  await seedMock(target, {
    voucherify: { campaignTemplates: templates.map((template) => ({ ...template, project_id: projectId })) },
  });
}

/**
 * A project (created through the API) holding the documented templates. Returns the project and its oldest
 * template, a `DISCOUNT_COUPONS` one.
 */
async function projectWithTemplates(target: ProviderTarget) {
  const projectId = await createProject(target);
  const templates = documentedTemplates();
  await seedTemplates(target, projectId, templates);
  return { projectId, campaignTemplateId: templates[0]?.id ?? '' };
}

/** Removes every project a state created; all their templates go with them. */
async function teardown(
  target: ProviderTarget,
  _params: unknown,
  injected: Partial<Record<'projectId' | 'destinationProjectId', InjectedValue>>,
): Promise<void> {
  for (const projectId of [injected.projectId, injected.destinationProjectId])
    if (projectId !== undefined) await deleteProject(target, String(projectId));
}

/** What the copy states fill in: the source project and template in the path, the destination in the body. */
const copyValues = {
  pathParameters: ['projectId', 'campaignTemplateId'],
  values: ['destinationProjectId'],
} as const;

export const states: StateDefinitions = {
  [names.projectWithTemplates]: defineState({
    mockOnly,
    pathParameters: ['projectId', 'campaignTemplateId'],
    setup: projectWithTemplates,
    teardown,
  }),
  [names.templatesAndDestination]: defineState({
    mockOnly,
    ...copyValues,
    async setup(target) {
      const source = await projectWithTemplates(target);
      return { ...source, destinationProjectId: await createProject(target) };
    },
    teardown,
  }),
  [names.templatesAndDestinationWithSameName]: defineState({
    mockOnly,
    ...copyValues,
    async setup(target, params) {
      const source = await projectWithTemplates(target);
      const destinationProjectId = await createProject(target);
      const [template] = documentedTemplates();
      if (!template) throw new Error('the spec documents no campaign template to seed');
      await seedTemplates(target, destinationProjectId, [{ ...template, name: String(params.name) }]);
      return { ...source, destinationProjectId };
    },
    teardown,
  }),
  // The copy of a template that does not exist: the path names the project, the body the destination.
  [names.projectAndDestination]: defineState({
    pathParameters: ['projectId'],
    values: ['destinationProjectId'],
    async setup(target) {
      return { projectId: await createProject(target), destinationProjectId: await createProject(target) };
    },
    teardown,
  }),
};
