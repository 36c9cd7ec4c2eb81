import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import { projectCollection, requireProject, timestamp } from './resource-helpers.js';

type Webhook = VoucherifySchemas['Webhook'];
type WebhookCreate = VoucherifySchemas['WebhookCreate'];

const webhooks = projectCollection((state) => state.webhooks, 'webhookId', 'webhook');

/** Voucherify has to be able to `POST` to the target, so it must be an absolute http(s) URL. */
function checkTargetUrl(targetUrl: string): void {
  const protocol = URL.canParse(targetUrl) ? new URL(targetUrl).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new HttpError(
      400,
      'Invalid payload',
      `body.target_url: ${targetUrl} is not an absolute http or https URL`,
    );
}

/** The settings a create or a (full) update sets; `active` takes its default when left out. */
function settings(ctx: RequestContext): WebhookCreate & { active: boolean } {
  const input = ctx.body as WebhookCreate;
  checkTargetUrl(input.target_url);
  return { target_url: input.target_url, events: input.events, active: input.active ?? true };
}

export const webhookHandlers: Record<string, Handler> = {
  createWebhook: (ctx) => {
    requireProject(ctx); // an unknown project is a 404 whatever the body holds
    const webhook: Webhook = {
      id: voucherifyId('wh'),
      object: 'webhook',
      created_at: timestamp(),
      ...settings(ctx),
    };
    return webhooks.save(ctx, webhook);
  },
  listWebhooks: webhooks.list,
  getWebhook: webhooks.get,
  // The update replaces every setting, so an omitted `active` returns to its default rather than staying.
  updateWebhook: (ctx) => webhooks.save(ctx, { ...webhooks.item(ctx), ...settings(ctx) }),
  deleteWebhook: webhooks.delete,
};
