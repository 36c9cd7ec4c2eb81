import { randomUUID } from 'node:crypto';
import type { VoucherifySchemas } from '@vouchspec/client';
import { requestExample } from '../../spec-matchers.js';
import type { ProviderTarget } from '../../target.js';
import { unwrap, voucherify } from '../clients.js';
import type { StateDefinitions } from '../types.js';

/** Names of the projects states create, so a real account shows where they came from. */
const stateProjectName = 'vouchspec contract state';

/**
 * Creates a fresh project through the Management API (so it works on any server) and returns its id, for
 * `fromProviderState('${projectId}', …)`. The name is unique per call, so runs against a real account never
 * collide.
 */
export async function createProject(target: ProviderTarget): Promise<string> {
  // The documented example minus its users: organisation members differ from account to account.
  const { users: _users, ...settings } = requestExample<VoucherifySchemas['ProjectCreate']>(
    'voucherify',
    'createProject',
  );
  const project = unwrap(
    await voucherify(target).POST('/management/v1/projects', {
      body: { ...settings, name: `${stateProjectName} ${randomUUID().slice(0, 8)}` },
    }),
  );
  return project.id;
}

export async function deleteProject(target: ProviderTarget, projectId: string): Promise<void> {
  const { response } = await voucherify(target).DELETE('/management/v1/projects/{projectId}', {
    params: { path: { projectId } },
  });
  // Gone already (the interaction deleted it) is fine.
  if (!response.ok && response.status !== 404)
    throw new Error(`could not delete project ${projectId}: HTTP ${response.status}`);
}

export const states: StateDefinitions = {
  'a project exists': {
    async setup(target) {
      return { projectId: await createProject(target) };
    },
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  },
  'projects the tests create are removed afterwards': {
    async setup() {},
    async teardown(target, params) {
      const projects = unwrap(await voucherify(target).GET('/management/v1/projects'));
      for (const project of projects.data.filter((p) => p.name === params.name))
        await deleteProject(target, project.id);
    },
  },
};
