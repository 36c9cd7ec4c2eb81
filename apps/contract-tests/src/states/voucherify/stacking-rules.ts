import type { VoucherifySchemas } from '@vouchspec/client';
import { requestExample } from '../../spec-matchers.js';
import { voucherify } from '../clients.js';
import type { StateDefinitions } from '../types.js';
import { createProject, deleteProject } from './projects.js';

export const states: StateDefinitions = {
  'a project with custom stacking rules exists': {
    // A fresh project has only the defaults, so the documented custom rules can always be created in it.
    async setup(target) {
      const projectId = await createProject(target);
      const { data, error, response } = await voucherify(target).POST(
        '/management/v1/projects/{projectId}/stacking-rules',
        {
          params: { path: { projectId } },
          body: requestExample<VoucherifySchemas['StackingRulesSettings']>(
            'voucherify',
            'createStackingRules',
          ),
        },
      );
      if (!data) {
        // Teardown only gets what setup returned: leave no project behind on a real account.
        await deleteProject(target, projectId);
        throw new Error(`could not create stacking rules: HTTP ${response.status} ${JSON.stringify(error)}`);
      }
      return { projectId, stackingRulesId: data.id };
    },
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  },
};
