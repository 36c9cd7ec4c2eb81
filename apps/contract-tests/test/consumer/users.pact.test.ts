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
  fromProviderState,
  managementKeys,
  requestExample,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const usersPath = '/management/v1/projects/{projectId}/users';
const userPath = '/management/v1/projects/{projectId}/users/{userId}';
const invitePath = '/management/v1/projects/users/invite';
/** Ids no server has: Voucherify ids are a prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing000';
const missingUserId = 'user_vouchspecMissing00000000';
/** The login the consumer looks a user up by; the provider state supplies the real owner's. */
const ownerLogin = 'owner@example.com';

type UserAssignment = VoucherifySchemas['UserAssignment'];
type UserInvitation = VoucherifySchemas['UserInvitation'];
type UserRoleUpdate = VoucherifySchemas['UserRoleUpdate'];

/** The documented assignment, which names the user by id. */
const assignById = requestExample<UserAssignment & { id: string }>('voucherify', 'assignUser');
/** The same assignment naming the user by login, on an address that cannot receive mail. */
const assignByLogin = { role: assignById.role, login: 'vouchspec.member@example.com' };

/** The documented invitation, sent to an address that cannot receive mail (example.com is reserved). */
function invitation(): UserInvitation {
  return {
    ...requestExample<UserInvitation>('voucherify', 'inviteUser'),
    email: 'vouchspec.invitee@example.com',
  };
}

describe('Users', () => {
  describe('listUsers', () => {
    const { path, params } = requestPath('voucherify', usersPath);

    it('listUsers: lists the users of a project, the organisation owner among them', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithOwner)
        .uponReceiving('listUsers: the users of a project, its organisation owner among them')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'listUsers', 200, { nonEmpty: ['data'] })),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(usersPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(list.object).toBe('list');
          expect(list.data.some((user) => user.is_owner)).toBe(true);
          expect(list.data[0]?.login).toBeTruthy();
        });
    });

    it('listUsers: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listUsers'));
  });

  describe('assignUser', () => {
    const { path, params } = requestPath('voucherify', usersPath);

    it('assignUser: gives an organisation member named by id access to a project', async () => {
      const body = assignById;
      await pact
        .addInteraction()
        .given(states.memberOutsideProject, { id: body.id })
        .uponReceiving('assignUser: an organisation member named by id')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'assignUser', 200, { values: { id: body.id } })),
        )
        .executeTest(async (server) => {
          const user = await voucherifyClient(server.url)
            .POST(usersPath, { params: { path: { projectId: params.projectId } }, body })
            .then(unwrap);
          expect(user.id).toBe(body.id);
          expect(user.is_owner).toBe(false);
        });
    });

    it('assignUser: gives an organisation member named by login access to a project', async () => {
      const body = assignByLogin;
      await pact
        .addInteraction()
        .given(states.memberOutsideProject, { login: body.login })
        .uponReceiving('assignUser: an organisation member named by login')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'assignUser', 200, { values: { login: body.login } })),
        )
        .executeTest(async (server) => {
          const user = await voucherifyClient(server.url)
            .POST(usersPath, { params: { path: { projectId: params.projectId } }, body })
            .then(unwrap);
          expect(user.login).toBe(body.login);
        });
    });

    it('assignUser: rejects an assignment without a role', async () => {
      const { role: _role, ...body } = assignById;
      await invalidBodyInteraction(pact, 'voucherify', 'assignUser', {
        given: states.projectExists,
        description: 'a body without the required role',
        body: body,
      });
    });

    it('assignUser: rejects a user who does not exist', async () => {
      const body = { ...assignById, id: missingUserId };
      await invalidBodyInteraction(pact, 'voucherify', 'assignUser', {
        given: states.projectExists,
        description: 'a user who does not exist',
        body: body,
      });
    });

    it('assignUser: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'assignUser'));
  });

  describe('getUser', () => {
    const { path, params } = requestPath('voucherify', userPath);

    it('getUser: returns the organisation owner by id', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithOwner)
        .uponReceiving('getUser: the organisation owner by id')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getUser', 200, { values: { id: params.userId, is_owner: true } }),
          ),
        )
        .executeTest(async (server) => {
          const user = await voucherifyClient(server.url)
            .GET(userPath, { params: { path: params } })
            .then(unwrap);
          expect(user.id).toBe(params.userId);
          expect(user.is_owner).toBe(true);
        });
    });

    it('getUser: returns the organisation owner by login', async () => {
      const { params: byLogin } = requestPath('voucherify', userPath, { userId: ownerLogin });
      const loginPath = fromProviderState(
        '/management/v1/projects/${projectId}/users/${userLogin}',
        `/management/v1/projects/${encodeURIComponent(byLogin.projectId)}/users/${encodeURIComponent(ownerLogin)}`,
      );
      await pact
        .addInteraction()
        .given(states.projectWithOwner)
        .uponReceiving('getUser: the organisation owner by login')
        .withRequest('GET', loginPath, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getUser', 200, { values: { login: ownerLogin, is_owner: true } }),
          ),
        )
        .executeTest(async (server) => {
          const user = await voucherifyClient(server.url)
            .GET(userPath, { params: { path: byLogin } })
            .then(unwrap);
          expect(user.login).toBe(ownerLogin);
          expect(user.is_owner).toBe(true);
        });
    });

    it('getUser: answers 404 for a user who does not exist', () =>
      notFoundInteraction(pact, 'voucherify', 'getUser', {
        given: states.projectExists,
        missing: { userId: missingUserId },
        description: 'a user who does not exist',
        resourceType: 'user',
      }));

    it('getUser: answers 404 for a project that does not exist', async () => {
      const missing = requestPath('voucherify', userPath, {
        projectId: missingProjectId,
        userId: missingUserId,
      });
      await pact
        .addInteraction()
        .uponReceiving('getUser: a project that does not exist')
        .withRequest('GET', missing.path, (b) => b.headers(managementKeys))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getUser', 404, {
              include: ['key', 'resource_id', 'resource_type'],
              exact: ['resource_id', 'resource_type'],
              values: { resource_id: missingProjectId, resource_type: 'project' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).GET(userPath, {
            params: { path: missing.params },
          });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ key: 'not_found', resource_type: 'project' });
        });
    });

    it('getUser: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getUser'));
  });

  describe('updateUser', () => {
    const { path, params } = requestPath('voucherify', userPath);
    const body = requestExample<UserRoleUpdate>('voucherify', 'updateUser');

    it("updateUser: changes a member's role in the project", async () => {
      await pact
        .addInteraction()
        .given(states.projectWithMember)
        .uponReceiving('updateUser: a member given the documented role')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateUser', 200, {
              values: { id: params.userId, is_owner: false },
            }),
          ),
        )
        .executeTest(async (server) => {
          const user = await voucherifyClient(server.url)
            .PUT(userPath, { params: { path: params }, body })
            .then(unwrap);
          expect(user.id).toBe(params.userId);
          expect(user.is_owner).toBe(false);
        });
    });

    it('updateUser: rejects a role that is not a string', async () => {
      // Not an empty body: the Pact verifier's proxy drops a `{}` body, and the request then never arrives.
      const invalid = { role: 3 };
      await pact
        .addInteraction()
        .given(states.projectWithOwner)
        .uponReceiving('updateUser: a non-string role')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(invalid))
        .willRespondWith(400, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'updateUser', 400, { include: ['code', 'key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).PUT(userPath, {
            params: { path: params },
            body: invalid as unknown as UserRoleUpdate,
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_payload');
        });
    });

    it('updateUser: answers 404 for a user who does not exist', () =>
      notFoundInteraction(pact, 'voucherify', 'updateUser', {
        given: states.projectExists,
        missing: { userId: missingUserId },
        description: 'a user who does not exist',
        resourceType: 'user',
        body,
      }));

    it('updateUser: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateUser'));
  });

  describe('unassignUser', () => {
    const { path, params } = requestPath('voucherify', userPath);

    it('unassignUser: removes a member who has access to another project', () =>
      noContentInteraction(pact, 'voucherify', 'unassignUser', {
        given: states.projectWithMember,
        description: 'a member with access to another project',
      }));

    it('unassignUser: refuses to remove an organisation owner', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithOwner)
        .uponReceiving('unassignUser: an organisation owner')
        .withRequest('DELETE', path, (b) => b.headers(managementKeys))
        .willRespondWith(400, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'unassignUser', 400, { include: ['key', 'details'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(userPath, {
            params: { path: params },
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_request');
          expect(error?.details).toBeTruthy();
        });
    });

    it('unassignUser: refuses to remove a member from their only project', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithSoleProjectMember)
        .uponReceiving('unassignUser: a member with access to no other project')
        .withRequest('DELETE', path, (b) => b.headers(managementKeys))
        .willRespondWith(400, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'unassignUser', 400, { include: ['key', 'details'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).DELETE(userPath, {
            params: { path: params },
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_request');
        });
    });

    it('unassignUser: answers 404 for a user who does not exist', () =>
      notFoundInteraction(pact, 'voucherify', 'unassignUser', {
        given: states.projectExists,
        missing: { userId: missingUserId },
        description: 'a user who does not exist',
        resourceType: 'user',
      }));

    it('unassignUser: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'unassignUser'));
  });

  describe('inviteUser', () => {
    it('inviteUser: invites someone to the projects it names', async () => {
      const body = invitation();
      const [projectId = ''] = Object.keys(body.projects);
      await pact
        .addInteraction()
        .given(states.invitedProject, { projectId })
        .uponReceiving('inviteUser: the documented invitation')
        .withRequest('POST', invitePath, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(204)
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(invitePath, { body });
          expect(error).toBeUndefined();
          expect(response.status).toBe(204);
        });
    });

    it('inviteUser: answers 409 for an address that is already a login', async () => {
      const body = invitation();
      const [projectId = ''] = Object.keys(body.projects);
      await pact
        .addInteraction()
        .given(states.userWithInvitedAddress, { projectId, email: body.email })
        .uponReceiving('inviteUser: an address that is already a login')
        .withRequest('POST', invitePath, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(409, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'inviteUser', 409, { include: ['key'] })),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(invitePath, { body });
          expect(response.status).toBe(409);
          expect(error?.key).toBe('duplicate_found');
        });
    });

    it('inviteUser: answers 404 for a project that does not exist', async () => {
      const body = { ...invitation(), projects: { [missingProjectId]: 'MERCHANT' } };
      await pact
        .addInteraction()
        .uponReceiving('inviteUser: a project that does not exist')
        .withRequest('POST', invitePath, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(404, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'inviteUser', 404, {
              include: ['key', 'resource_id', 'resource_type'],
              exact: ['resource_id', 'resource_type'],
              values: { resource_id: missingProjectId, resource_type: 'project' },
            }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(invitePath, { body });
          expect(response.status).toBe(404);
          expect(error).toMatchObject({ resource_type: 'project', resource_id: missingProjectId });
        });
    });

    it('inviteUser: rejects an invitation without an email', async () => {
      const { email: _email, ...body } = invitation();
      await invalidBodyInteraction(pact, 'voucherify', 'inviteUser', {
        description: 'a body without the required email',
        body: body,
      });
    });

    it('inviteUser: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'inviteUser'));
  });
});
