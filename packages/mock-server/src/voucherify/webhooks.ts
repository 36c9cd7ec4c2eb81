import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { ProjectScope } from '../store/table.js';
import { dataList, requireProject, requireScoped, scoped, timestamp } from './resource-helpers.js';

type Webhook = VoucherifySchemas['Webhook'];
type WebhookCreate = VoucherifySchemas['WebhookCreate'];

function projectWebhooks(ctx: RequestContext): ProjectScope<Webhook> {
  return scoped(ctx.state.webhooks, requireProject(ctx).id);
}

function requireWebhook(ctx: RequestContext): Webhook {
  return requireScoped(ctx, ctx.state.webhooks, 'webhookId', 'webhook');
}

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
    const webhooks = projectWebhooks(ctx);
    const webhook: Webhook = {
      id: voucherifyId('wh'),
      object: 'webhook',
      created_at: timestamp(),
      ...settings(ctx),
    };
    webhooks.set(webhook.id, webhook);
    return { status: 200, body: webhook };
  },
  listWebhooks: (ctx) => ({ status: 200, body: dataList([...projectWebhooks(ctx).values()]) }),
  getWebhook: (ctx) => ({ status: 200, body: requireWebhook(ctx) }),
  updateWebhook: (ctx) => {
    // The update replaces every setting, so an omitted `active` returns to its default rather than staying.
    const webhook = { ...requireWebhook(ctx), ...settings(ctx) };
    projectWebhooks(ctx).set(webhook.id, webhook);
    return { status: 200, body: webhook };
  },
  deleteWebhook: (ctx) => {
    projectWebhooks(ctx).delete(requireWebhook(ctx).id);
    return { status: 204 };
  },
};
