import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import {
  invalidBodyInteraction,
  invalidCredentialsInteraction,
  noContentInteraction,
  notFoundInteraction,
} from './shared-interactions.js';
import {
  createPact,
  managementKeys,
  requestExample,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const webhooksPath = '/management/v1/projects/{projectId}/webhooks';
const webhookPath = '/management/v1/projects/{projectId}/webhooks/{webhookId}';
/** Ids no server has: a type prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing000';
const missingWebhookId = 'wh_vouchspecMissing00000000';

/** The documented webhook; its target is on `example.com`, so a real account notifies no one. */
const webhookCreate = () => requestExample<VoucherifySchemas['WebhookCreate']>('voucherify', 'createWebhook');
const webhookUpdate = () => requestExample<VoucherifySchemas['WebhookUpdate']>('voucherify', 'updateWebhook');

describe('Webhooks', () => {
  describe('listWebhooks', () => {
    const { path, params } = requestPath('voucherify', webhooksPath);

    it('listWebhooks: lists the webhooks of a project', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithWebhook)
        .uponReceiving('listWebhooks: the webhooks of a project')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listWebhooks', 200, { nonEmpty: ['data', 'data[].events'] }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(webhooksPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(list.object).toBe('list');
          expect(list.total).toBeGreaterThan(0);
          expect(list.data[0]?.object).toBe('webhook');
          expect(list.data[0]?.events.length).toBeGreaterThan(0);
          expect(typeof list.data[0]?.active).toBe('boolean');
        });
    });

    it('listWebhooks: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'listWebhooks', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('listWebhooks: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listWebhooks'));
  });

  describe('createWebhook', () => {
    const { path, params } = requestPath('voucherify', webhooksPath);

    it('createWebhook: creates a webhook from the documented settings', async () => {
      const body = webhookCreate();
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('createWebhook: the documented webhook')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createWebhook', 200, { nonEmpty: ['events'], values: body }),
          ),
        )
        .executeTest(async (server) => {
          const webhook = await voucherifyClient(server.url)
            .POST(webhooksPath, { params: { path: { projectId: params.projectId } }, body })
            .then(unwrap);
          expect(webhook.id).toBeTruthy();
          expect(webhook.object).toBe('webhook');
          expect(webhook.target_url).toBe(body.target_url);
          expect(body.events).toContain(webhook.events[0]);
          expect(webhook.active).toBe(true);
        });
    });

    it('createWebhook: rejects a webhook without events', async () => {
      const { events: _events, ...body } = webhookCreate();
      await invalidBodyInteraction(pact, 'voucherify', 'createWebhook', {
        given: states.projectExists,
        description: 'a body without the required events',
        body: body,
      });
    });

    it('createWebhook: rejects a target that is not an absolute http(s) URL', async () => {
      const documented = webhookCreate();
      const body = { ...documented, target_url: documented.target_url.replace(/^https?:\/\//, '') };
      await invalidBodyInteraction(pact, 'voucherify', 'createWebhook', {
        given: states.projectExists,
        description: 'a target_url without a scheme',
        body: body,
      });
    });

    it('createWebhook: answers 404 for an unknown project', async () => {
      const body = webhookCreate();
      await notFoundInteraction(pact, 'voucherify', 'createWebhook', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
        body: body,
      });
    });

    it('createWebhook: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'createWebhook'));
  });

  describe('getWebhook', () => {
    const { path, params } = requestPath('voucherify', webhookPath);

    it('getWebhook: returns a webhook', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithWebhook)
        .uponReceiving('getWebhook: an existing webhook')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getWebhook', 200, {
              nonEmpty: ['events'],
              values: { id: params.webhookId },
            }),
          ),
        )
        .executeTest(async (server) => {
          const webhook = await voucherifyClient(server.url)
            .GET(webhookPath, { params: { path: params } })
            .then(unwrap);
          expect(webhook.id).toBe(params.webhookId);
          expect(webhook.object).toBe('webhook');
          expect(webhook.target_url).toMatch(/^https?:\/\//);
          expect(webhook.events.length).toBeGreaterThan(0);
        });
    });

    it('getWebhook: answers 404 for an unknown webhook', () =>
      notFoundInteraction(pact, 'voucherify', 'getWebhook', {
        given: states.projectExists,
        missing: { webhookId: missingWebhookId },
        description: 'a webhook that does not exist',
        resourceType: 'webhook',
      }));

    it('getWebhook: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getWebhook'));
  });

  describe('updateWebhook', () => {
    const { path, params } = requestPath('voucherify', webhookPath);

    it('updateWebhook: replaces the settings of a webhook', async () => {
      const body = webhookUpdate();
      await pact
        .addInteraction()
        .given(states.projectWithWebhook)
        .uponReceiving('updateWebhook: the documented new settings')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateWebhook', 200, {
              nonEmpty: ['events'],
              values: { ...body, id: params.webhookId },
            }),
          ),
        )
        .executeTest(async (server) => {
          const webhook = await voucherifyClient(server.url)
            .PUT(webhookPath, { params: { path: params }, body })
            .then(unwrap);
          expect(webhook.id).toBe(params.webhookId);
          expect(webhook.target_url).toBe(body.target_url);
          expect(body.events).toContain(webhook.events[0]);
          expect(webhook.active).toBe(body.active);
        });
    });

    it('updateWebhook: rejects settings without events', async () => {
      const { events: _events, ...body } = webhookUpdate();
      await invalidBodyInteraction(pact, 'voucherify', 'updateWebhook', {
        given: states.projectWithWebhook,
        description: 'a body without the required events',
        body: body,
      });
    });

    it('updateWebhook: answers 404 for an unknown webhook', async () => {
      const body = webhookUpdate();
      await notFoundInteraction(pact, 'voucherify', 'updateWebhook', {
        given: states.projectExists,
        missing: { webhookId: missingWebhookId },
        description: 'a webhook that does not exist',
        resourceType: 'webhook',
        body: body,
      });
    });

    it('updateWebhook: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateWebhook'));
  });

  describe('deleteWebhook', () => {
    it('deleteWebhook: deletes a webhook', () =>
      noContentInteraction(pact, 'voucherify', 'deleteWebhook', {
        given: states.projectWithWebhook,
        description: 'an existing webhook',
      }));

    it('deleteWebhook: answers 404 for an unknown webhook', () =>
      notFoundInteraction(pact, 'voucherify', 'deleteWebhook', {
        given: states.projectExists,
        missing: { webhookId: missingWebhookId },
        description: 'a webhook that does not exist',
        resourceType: 'webhook',
      }));

    it('deleteWebhook: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteWebhook'));
  });
});
