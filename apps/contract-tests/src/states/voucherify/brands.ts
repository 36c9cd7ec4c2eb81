import type { VoucherifySchemas } from '@vouchspec/client';
import { requestExample } from '../../spec-matchers.js';
import type { ProviderTarget } from '../../target.js';
import { unwrap, voucherify } from '../clients.js';
import type { StateDefinitions } from '../types.js';
import { createProject, deleteProject } from './projects.js';

/** Creates the documented brand for a project through the Management API and returns its id. */
export async function createBrand(target: ProviderTarget, projectId: string): Promise<string> {
  const body = requestExample<VoucherifySchemas['BrandCreate']>('voucherify', 'createBrand');
  const brand = unwrap(
    await voucherify(target).POST('/management/v1/projects/{projectId}/branding', {
      params: { path: { projectId } },
      body,
    }),
  );
  return brand.id;
}

export const states: StateDefinitions = {
  'a project with a brand exists': {
    async setup(target) {
      // A fresh project, since a project can have only one brand.
      const projectId = await createProject(target);
      return { projectId, brandingId: await createBrand(target, projectId) };
    },
    // Deleting the state's project removes its brand with it.
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  },
};
