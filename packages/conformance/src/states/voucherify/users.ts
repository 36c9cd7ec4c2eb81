import { randomUUID } from 'node:crypto';
import { responseExample } from '@vouchspec/spec';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../../types.js';
import { unwrap, voucherify } from '../clients.js';
import { defineState, type StateDefinitions, stringParam } from '../define.js';
import { seedMock } from '../mock-only.js';
import { providerStateNames as names } from '../names.js';
import { createProject, deleteProject } from './projects.js';

type User = VoucherifySchemas['User'];

/** Why member states are mock-only: the public API has no way to add someone to the organisation. */
const membersOnlyInMock =
  'organisation users other than the owners cannot be created through the public API (an invitation only ' +
  'becomes a user once someone accepts it by email), so the member is seeded through /__admin';
/** Why invitation states are mock-only. */
const invitedProjectOnlyInMock =
  'an invitation names its projects by id as keys of its `projects` map, which a provider state cannot fill ' +
  'in (only values can come from a state), so the project must have the documented id, which only the ' +
  "mock's seed can give it";

/** A Voucherify-style user id: `user_` and 24 characters. */
const newUserId = () => `user_${randomUUID().replaceAll('-', '').slice(0, 24)}`;

/** An organisation user on an address that cannot receive mail (`example.com` is reserved). */
function user({
  id = newUserId(),
  login = `vouchspec.${id.slice(-8).toLowerCase()}@example.com`,
  email = login,
  first_name = 'Vouchspec',
  last_name = 'Member',
  projects,
  is_owner,
}: Partial<User> & Pick<User, 'projects' | 'is_owner'>): User {
  return { id, login, email, first_name, last_name, projects, is_owner };
}

/**
 * Creates a project through the Management API and returns it with one of the organisation's owners, who
 * get the ADMIN role in every new project and are found through listUsers. A real organisation always has
 * an owner; the mock starts empty, so there the owner is seeded first, as the account's existing data.
 */
async function projectWithOwner(target: ProviderTarget): Promise<{ projectId: string; owner: User }> {
  if (target.kind === 'mock')
    await seedMock(target, {
      voucherify: { users: [user({ is_owner: true, projects: {}, last_name: 'Owner' })] },
    });
  const projectId = await createProject(target);
  const users = unwrap(
    await voucherify(target).GET('/management/v1/projects/{projectId}/users', {
      params: { path: { projectId } },
    }),
  );
  const owner = users.data.find((candidate) => candidate.is_owner);
  if (!owner) throw new Error(`no organisation owner is among the users of project ${projectId}`);
  return { projectId, owner };
}

/** Seeds non-owner members into the mock (only there: see `membersOnlyInMock`). */
async function seedMembers(target: ProviderTarget, users: User[]): Promise<void> {
  await seedMock(target, { voucherify: { users } });
}

/** Seeds a project with a given id into the mock, from the documented project. */
async function seedProject(target: ProviderTarget, projectId: string): Promise<void> {
  const example = responseExample('voucherify', 'getProject', 200);
  await seedMock(target, {
    voucherify: { projects: [{ ...(example as Record<string, unknown>), id: projectId }] },
  });
}

/**
 * A new project and an organisation member seeded into the mock (only there: see `membersOnlyInMock`), with
 * access to this project, to another new one, or to both. Params: the member's `id` and/or `login`, when the
 * request names them.
 */
function projectWithMember(access: { here: boolean; elsewhere: boolean }) {
  return defineState({
    mockOnly: membersOnlyInMock,
    pathParameters: ['projectId', 'userId'],
    async setup(target, params) {
      const projectId = await createProject(target);
      const projects: User['projects'] = access.here ? { [projectId]: 'USER' } : {};
      if (access.elsewhere) projects[await createProject(target)] = 'USER';
      const identity = { id: stringParam(params, 'id'), login: stringParam(params, 'login') };
      const member = user({ ...identity, projects, is_owner: false });
      await seedMembers(target, [member]);
      return { projectId, userId: member.id };
    },
  });
}

export const states: StateDefinitions = {
  [names.projectWithOwner]: defineState({
    pathParameters: ['projectId', 'userId'],
    values: ['userLogin'],
    async setup(target) {
      const { projectId, owner } = await projectWithOwner(target);
      return { projectId, userId: owner.id, userLogin: owner.login };
    },
    async teardown(target, _params, { projectId }) {
      await deleteProject(target, String(projectId));
    },
  }),
  [names.memberOutsideProject]: projectWithMember({ here: false, elsewhere: true }),
  [names.projectWithMember]: projectWithMember({ here: true, elsewhere: true }),
  [names.projectWithSoleProjectMember]: projectWithMember({ here: true, elsewhere: false }),
  [names.invitedProject]: defineState({
    mockOnly: invitedProjectOnlyInMock,
    // params: `projectId`, the key of the invitation's `projects`.
    async setup(target, params) {
      await seedProject(target, String(params.projectId));
    },
  }),
  [names.userWithInvitedAddress]: defineState({
    mockOnly: `${invitedProjectOnlyInMock}; and ${membersOnlyInMock}`,
    // params: `projectId` as above and the invitation's `email`.
    async setup(target, params) {
      const projectId = String(params.projectId);
      await seedProject(target, projectId);
      await seedMembers(target, [
        user({ login: String(params.email), projects: { [projectId]: 'USER' }, is_owner: false }),
      ]);
    },
  }),
};
