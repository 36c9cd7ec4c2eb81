import type { VoucherifySchemas } from '@vouchspec/client';
import { requestExample } from '../../spec-matchers.js';
import type { ProviderTarget } from '../../target.js';
import { unwrap, voucherify } from '../clients.js';
import type { StateDefinitions } from '../types.js';
import { createProject, deleteProject } from './projects.js';

/**
 * Creates the documented webhook in a project through the Management API and returns its id. The documented
 * target is on `example.com`, a domain reserved for documentation, so notifications to it reach no one.
 */
export async function createWebhook(target: ProviderTarget, projectId: string): Promise<string> {
  const body = requestExample<VoucherifySchemas['WebhookCreate']>('voucherify', 'createWebhook');
  const webhook = unwrap(
    await voucherify(target).POST('/management/v1/projects/{projectId}/webhooks', {
      params: { path: { projectId } },
      body,
    }),
  );
  return webhook.id;
}

export const states: StateDefinitions = {
  'a project with a webhook exists': {
    async setup(target) {
      const projectId = await createProject(target);
      return { projectId, webhookId: await createWebhook(target, projectId) };
    },
    // Deleting the state's project removes its webhooks with it.
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  },
};
