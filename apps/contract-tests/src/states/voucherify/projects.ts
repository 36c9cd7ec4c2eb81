import { randomUUID } from 'node:crypto';
import type { VoucherifySchemas } from '@vouchspec/client';
import { requestExample } from '../../spec-matchers.js';
import { unwrap, voucherify } from '../clients.js';
import type { StateDefinitions } from '../types.js';

/**
 * Creates a fresh project through the Management API (so it works on any server) and returns its id for
 * `fromProviderState('${projectId}', …)`. The name is unique per run, so repeated verifications against a
 * real account never collide.
 */
export async function createProject(target: Parameters<StateDefinitions[string]['setup']>[0], name = 'Contract tests') {
  // The documented example minus its users: inviting people is not what a test project is for.
  const { users: _users, ...settings } = requestExample<VoucherifySchemas['ProjectCreate']>('voucherify', 'createProject');
  const project = unwrap(
    await voucherify(target).POST('/management/v1/projects', {
      body: { ...settings, name: `${name} ${randomUUID().slice(0, 8)}` },
    }),
  );
  return project.id;
}

export const states: StateDefinitions = {
  'a project exists': {
    async setup(target, params) {
      return { projectId: await createProject(target, params.name as string | undefined) };
    },
  },
};
