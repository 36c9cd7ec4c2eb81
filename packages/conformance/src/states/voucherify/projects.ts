import { randomUUID } from 'node:crypto';
import { requestExample } from '@vouchspec/spec';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../../types.js';
import { expectRemoved, unwrap, voucherify } from '../clients.js';
import { defineState, type StateDefinitions } from '../define.js';
import { providerStateNames as names } from '../names.js';

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
  expectRemoved(
    `delete project ${projectId}`,
    await voucherify(target).DELETE('/management/v1/projects/{projectId}', {
      params: { path: { projectId } },
    }),
  );
}

export const states: StateDefinitions = {
  [names.projectExists]: defineState({
    pathParameters: ['projectId'],
    async setup(target) {
      return { projectId: await createProject(target) };
    },
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  }),
  [names.createdProjectsRemoved]: defineState({
    async setup() {},
    async teardown(target, params) {
      const projects = unwrap(await voucherify(target).GET('/management/v1/projects'));
      for (const project of projects.data.filter((p) => p.name === params.name))
        await deleteProject(target, project.id);
    },
  }),
};
