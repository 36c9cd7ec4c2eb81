import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { successInteraction } from './interactions.js';
import { invalidBodyInteraction } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

// Invalid keys, unknown projects and items, deletion, duplicates and a create body without a property
// it requires: project-collections.pact.test.ts.
const pact = createPact('voucherify');

/** The documented webhook; its target is on `example.com`, so a real account notifies no one. */
const webhookCreate = () => requestExample<VoucherifySchemas['WebhookCreate']>('voucherify', 'createWebhook');
const webhookUpdate = () => requestExample<VoucherifySchemas['WebhookUpdate']>('voucherify', 'updateWebhook');

describe('Webhooks', () => {
  it('listWebhooks: lists the webhooks of a project', () =>
    successInteraction(pact, 'listWebhooks', {
      given: states.projectWithWebhook,
      description: 'the webhooks of a project',
      matcher: { nonEmpty: ['data', 'data[].events'] },
      check: (list) => {
        expect(list.object).toBe('list');
        expect(list.total).toBeGreaterThan(0);
        expect(list.data[0]?.object).toBe('webhook');
        expect(list.data[0]?.events.length).toBeGreaterThan(0);
        expect(typeof list.data[0]?.active).toBe('boolean');
      },
    }));

  it('createWebhook: creates a webhook from the documented settings', () => {
    const body = webhookCreate();
    return successInteraction(pact, 'createWebhook', {
      given: states.projectExists,
      description: 'the documented webhook',
      matcher: { nonEmpty: ['events'], values: body },
      check: (webhook) => {
        expect(webhook.id).toBeTruthy();
        expect(webhook.object).toBe('webhook');
        expect(webhook.target_url).toBe(body.target_url);
        expect(body.events).toContain(webhook.events[0]);
        expect(webhook.active).toBe(true);
      },
    });
  });

  it('createWebhook: rejects a target that is not an absolute http(s) URL', () => {
    const documented = webhookCreate();
    return invalidBodyInteraction(pact, 'voucherify', 'createWebhook', {
      given: states.projectExists,
      description: 'a target_url without a scheme',
      body: { ...documented, target_url: documented.target_url.replace(/^https?:\/\//, '') },
    });
  });

  it('getWebhook: returns a webhook', () =>
    successInteraction(pact, 'getWebhook', {
      given: states.projectWithWebhook,
      description: 'an existing webhook',
      matcher: (params) => ({ nonEmpty: ['events'], values: { id: params.webhookId } }),
      check: (webhook, params) => {
        expect(webhook.id).toBe(params.webhookId);
        expect(webhook.object).toBe('webhook');
        expect(webhook.target_url).toMatch(/^https?:\/\//);
        expect(webhook.events.length).toBeGreaterThan(0);
      },
    }));

  it('updateWebhook: replaces the settings of a webhook', () => {
    const body = webhookUpdate();
    return successInteraction(pact, 'updateWebhook', {
      given: states.projectWithWebhook,
      description: 'the documented new settings',
      matcher: (params) => ({ nonEmpty: ['events'], values: { ...body, id: params.webhookId } }),
      check: (webhook, params) => {
        expect(webhook.id).toBe(params.webhookId);
        expect(webhook.target_url).toBe(body.target_url);
        expect(body.events).toContain(webhook.events[0]);
        expect(webhook.active).toBe(body.active);
      },
    });
  });

  it('updateWebhook: rejects settings without events', () => {
    const { events: _events, ...body } = webhookUpdate();
    return invalidBodyInteraction(pact, 'voucherify', 'updateWebhook', {
      given: states.projectWithWebhook,
      description: 'a body without the required events',
      body,
    });
  });
});
