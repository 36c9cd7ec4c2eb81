import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { errorInteraction, successInteraction } from './interactions.js';
import { interactionTable, invalidBodyInteraction } from './shared-interactions.js';
import { createPact, fromProviderState, requestExample, requestPath, states } from './support.js';

const pact = createPact('voucherify');
const userPath = '/management/v1/projects/{projectId}/users/{userId}';
/** Ids no server has: Voucherify ids are a prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing000';
const missingUserId = 'user_vouchspecMissing00000000';
/** The login the consumer looks a user up by; the provider state supplies the real owner's. */
const ownerLogin = 'owner@example.com';

/** The documented assignment, which names the user by id. */
const assignById = requestExample<VoucherifySchemas['UserAssignment'] & { id: string }>(
  'voucherify',
  'assignUser',
);
/** The same assignment naming the user by login, on an address that cannot receive mail. */
const assignByLogin = { role: assignById.role, login: 'vouchspec.member@example.com' };

describe('Users', () => {
  it('listUsers: lists the users of a project, the organisation owner among them', () =>
    successInteraction(pact, 'listUsers', {
      given: states.projectWithOwner,
      description: 'the users of a project, its organisation owner among them',
      matcher: { nonEmpty: ['data'] },
      check: (list) => {
        expect(list.object).toBe('list');
        expect(list.data.some((user) => user.is_owner)).toBe(true);
        expect(list.data[0]?.login).toBeTruthy();
      },
    }));

  it('assignUser: gives an organisation member named by id access to a project', () =>
    successInteraction(pact, 'assignUser', {
      given: states.memberOutsideProject,
      stateParams: { id: assignById.id },
      description: 'an organisation member named by id',
      body: assignById,
      matcher: { values: { id: assignById.id } },
      check: (user) => {
        expect(user.id).toBe(assignById.id);
        expect(user.is_owner).toBe(false);
      },
    }));

  it('assignUser: gives an organisation member named by login access to a project', () =>
    successInteraction(pact, 'assignUser', {
      given: states.memberOutsideProject,
      stateParams: { login: assignByLogin.login },
      description: 'an organisation member named by login',
      body: assignByLogin,
      matcher: { values: { login: assignByLogin.login } },
      check: (user) => expect(user.login).toBe(assignByLogin.login),
    }));

  it('assignUser: rejects an assignment without a role', () => {
    const { role: _role, ...body } = assignById;
    return invalidBodyInteraction(pact, 'voucherify', 'assignUser', {
      given: states.projectExists,
      description: 'a body without the required role',
      body,
    });
  });

  it('assignUser: rejects a user who does not exist', () =>
    invalidBodyInteraction(pact, 'voucherify', 'assignUser', {
      given: states.projectExists,
      description: 'a user who does not exist',
      body: { ...assignById, id: missingUserId },
    }));

  it('getUser: returns the organisation owner by id', () =>
    successInteraction(pact, 'getUser', {
      given: states.projectWithOwner,
      description: 'the organisation owner by id',
      matcher: (params) => ({ values: { id: params.userId, is_owner: true } }),
      check: (user, params) => {
        expect(user.id).toBe(params.userId);
        expect(user.is_owner).toBe(true);
      },
    }));

  it('getUser: returns the organisation owner by login', () => {
    const { params } = requestPath('voucherify', userPath, { userId: ownerLogin });
    return successInteraction(pact, 'getUser', {
      given: states.projectWithOwner,
      description: 'the organisation owner by login',
      literal: { userId: ownerLogin },
      // The state offers the owner's login (`userLogin`) to stand where the spec names `{userId}`.
      pactPath: fromProviderState(
        '/management/v1/projects/${projectId}/users/${userLogin}',
        `/management/v1/projects/${encodeURIComponent(params.projectId)}/users/${encodeURIComponent(ownerLogin)}`,
      ),
      matcher: { values: { login: ownerLogin, is_owner: true } },
      check: (user) => {
        expect(user.login).toBe(ownerLogin);
        expect(user.is_owner).toBe(true);
      },
    });
  });

  it("updateUser: changes a member's role in the project", () =>
    successInteraction(pact, 'updateUser', {
      given: states.projectWithMember,
      description: 'a member given the documented role',
      matcher: (params) => ({ values: { id: params.userId, is_owner: false } }),
      check: (user, params) => {
        expect(user.id).toBe(params.userId);
        expect(user.is_owner).toBe(false);
      },
    }));

  it('updateUser: rejects a role that is not a string', () =>
    invalidBodyInteraction(pact, 'voucherify', 'updateUser', {
      given: states.projectWithOwner,
      description: 'a non-string role',
      // Not an empty body: the Pact verifier's proxy drops a `{}` body, and the request then never arrives.
      body: { role: 3 },
      key: 'invalid_payload',
    }));

  it('unassignUser: refuses to remove an organisation owner', () =>
    errorInteraction(pact, 'unassignUser', {
      given: states.projectWithOwner,
      description: 'an organisation owner',
      status: 400,
      matcher: { include: ['key', 'details'] },
      check: (error) => {
        expect(error?.key).toBe('invalid_request');
        expect(error?.details).toBeTruthy();
      },
    }));

  it('unassignUser: refuses to remove a member from their only project', () =>
    errorInteraction(pact, 'unassignUser', {
      given: states.projectWithSoleProjectMember,
      description: 'a member with access to no other project',
      status: 400,
      matcher: { include: ['key', 'details'] },
      check: (error) => expect(error?.key).toBe('invalid_request'),
    }));

  describe('what every operation on a project’s users answers', () => {
    const unknownUser = {
      given: states.projectExists,
      missing: { userId: missingUserId },
      description: 'a user who does not exist',
      resourceType: 'user',
    };
    interactionTable(
      pact,
      'voucherify',
      ['listUsers', 'assignUser', 'getUser', 'updateUser', 'unassignUser'],
      [
        ['getUser', 'answers 404', unknownUser],
        [
          'getUser',
          'answers 404',
          {
            missing: { projectId: missingProjectId, userId: missingUserId },
            description: 'a project that does not exist',
            resourceType: 'project',
          },
        ],
        ['updateUser', 'answers 404', unknownUser],
        ['unassignUser', 'answers 404', unknownUser],
        [
          'unassignUser',
          'answers 204',
          { given: states.projectWithMember, description: 'a member with access to another project' },
        ],
      ],
    );
  });
});
