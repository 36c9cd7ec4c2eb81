import { randomUUID } from 'node:crypto';
import { listOperations, requestExample } from '@vouchspec/spec';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../../target.js';
import { unwrap, voucherify } from '../clients.js';
import type { StateDefinition, StateDefinitions } from '../types.js';

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

/** A create call by path template: the project-scoped collections all take a body and answer an object with an id. */
type CreateInProject = (
  path: string,
  init: { params: { path: { projectId: string } }; body: unknown },
) => Promise<{ data?: { id: string }; error?: unknown; response: Response }>;

/**
 * A state holding a fresh project with one item in it, created through the Management API from the documented
 * request example of `operationId` (the POST on the project's collection). Injects `projectId` and the item's
 * id as `idName`. Deleting the project removes the item with it, in teardown or when the creation fails.
 */
export function projectWithDocumentedItem(operationId: string, idName: string): StateDefinition {
  const operation = listOperations('voucherify').find((op) => op.operationId === operationId);
  if (operation?.method !== 'post') throw new Error(`${operationId} is not a POST operation`);
  return {
    async setup(target) {
      const projectId = await createProject(target);
      const create = voucherify(target).POST as unknown as CreateInProject;
      const { data, error, response } = await create(operation.path, {
        params: { path: { projectId } },
        body: requestExample('voucherify', operationId),
      });
      if (!data) {
        // Teardown only gets what setup returned: leave no project behind on a real account.
        await deleteProject(target, projectId);
        throw new Error(`${operationId} failed: HTTP ${response.status} ${JSON.stringify(error)}`);
      }
      return { projectId, [idName]: data.id };
    },
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  };
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
