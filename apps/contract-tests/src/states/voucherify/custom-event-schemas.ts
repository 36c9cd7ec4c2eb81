import type { VoucherifySchemas } from '@vouchspec/client';
import { requestExample } from '../../spec-matchers.js';
import { unwrap, voucherify } from '../clients.js';
import type { StateDefinitions } from '../types.js';
import { createProject, deleteProject } from './projects.js';

export const states: StateDefinitions = {
  /**
   * A fresh project holding the documented custom event schema (`newsletter_subscribed`); injects
   * `projectId` and `customEventSchemaId`. Creating the documented schema again in it is therefore a duplicate.
   */
  'a project with a custom event schema exists': {
    async setup(target) {
      const projectId = await createProject(target);
      const schema = unwrap(
        await voucherify(target).POST('/management/v1/projects/{projectId}/custom-event-schemas', {
          params: { path: { projectId } },
          body: requestExample<VoucherifySchemas['CustomEventSchemaCreate']>(
            'voucherify',
            'createCustomEventSchema',
          ),
        }),
      );
      return { projectId, customEventSchemaId: schema.id };
    },
    async teardown(target, _params, { projectId }) {
      // Deleting the project removes the schema with it.
      await deleteProject(target, String(projectId));
    },
  },
};
