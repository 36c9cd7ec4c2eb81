import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import { cursorList, notFound, projectCollection, timestamp } from './resource-helpers.js';

type CampaignTemplate = VoucherifySchemas['CampaignTemplate'];
type CampaignTemplateCopy = VoucherifySchemas['CampaignTemplateCopy'];

interface ListQuery {
  limit?: number;
  starting_after_id?: string;
  order?: 'id' | '-id';
  include_total?: boolean;
  filters?: unknown;
}

const templates = projectCollection(
  (state) => state.campaignTemplates,
  'campaignTemplateId',
  'campaign_template',
);

const listCampaignTemplates: Handler = (ctx) => {
  const query = ctx.params.query as ListQuery;
  const all = [...templates.inProject(ctx).values()];
  // Without an `order`, oldest first, as the spec describes.
  const { total: _matching, ...list } = cursorList(all, query, 'created_at');
  // `total` counts the whole project, regardless of filters and paging, and only when asked for.
  return { status: 200, body: { ...list, ...(query.include_total === true ? { total: all.length } : {}) } };
};

const copyCampaignTemplate: Handler = (ctx) => {
  const source = templates.item(ctx);
  const input = ctx.body as CampaignTemplateCopy;
  const destinationId = input.destination_project_id;
  if (!ctx.state.projects.has(destinationId)) throw notFound('project', destinationId);
  const destination = ctx.state.campaignTemplates.in(destinationId);
  if ([...destination.values()].some((template) => template.name === input.name)) {
    throw new HttpError(
      409,
      'Duplicated resource found',
      `A campaign template named ${input.name} already exists in project ${destinationId}`,
    );
  }
  const copy: CampaignTemplate = {
    id: voucherifyId('camptpl'),
    name: input.name,
    // The copy's note comes from the request only; `null` or none leaves it without one.
    ...(typeof input.description === 'string' ? { description: input.description } : {}),
    campaign_type: source.campaign_type,
    created_at: timestamp(),
    object: 'campaign_template',
  };
  destination.set(copy.id, copy);
  return { status: 200, body: copy };
};

export const campaignTemplateHandlers: Record<string, Handler> = {
  listCampaignTemplates,
  copyCampaignTemplate,
};
