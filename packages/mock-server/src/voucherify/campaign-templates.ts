import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import {
  cursorPage,
  matchesFilters,
  notFound,
  ordered,
  requireProject,
  requireScoped,
  scoped,
  timestamp,
} from './resource-helpers.js';

type CampaignTemplate = VoucherifySchemas['CampaignTemplate'];
type CampaignTemplateCopy = VoucherifySchemas['CampaignTemplateCopy'];

interface ListQuery {
  limit?: number;
  starting_after_id?: string;
  order?: 'id' | '-id';
  include_total?: boolean;
  filters?: unknown;
}

const read = (template: CampaignTemplate, field: string) => (template as Record<string, unknown>)[field];

const listCampaignTemplates: Handler = (ctx) => {
  const project = requireProject(ctx);
  const query = ctx.params.query as ListQuery;
  const all = [...scoped(ctx.state.campaignTemplates, project.id).values()];
  // Without an `order`, oldest first, as the spec describes.
  const matching = ordered(all, query.order ?? 'created_at', read).filter((template) =>
    matchesFilters(query.filters, (field) => read(template, field)),
  );
  const { page, hasMore, moreStartingAfter } = cursorPage(
    matching,
    query.limit ?? 10,
    query.starting_after_id,
  );
  return {
    status: 200,
    body: {
      object: 'list',
      data_ref: 'data',
      data: page,
      // `total` counts the whole project, regardless of filters and paging.
      ...(query.include_total === true ? { total: all.length } : {}),
      has_more: hasMore,
      ...(moreStartingAfter !== undefined ? { more_starting_after: moreStartingAfter } : {}),
    },
  };
};

const copyCampaignTemplate: Handler = (ctx) => {
  const source = requireScoped(ctx, ctx.state.campaignTemplates, 'campaignTemplateId', 'campaign_template');
  const input = ctx.body as CampaignTemplateCopy;
  const destinationId = input.destination_project_id;
  if (!ctx.state.projects.has(destinationId)) throw notFound('project', destinationId);
  const destination = scoped(ctx.state.campaignTemplates, destinationId);
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
