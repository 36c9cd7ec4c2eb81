import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, it } from 'vitest';
import {
  conflictInteraction,
  invalidBodyInteraction,
  invalidCredentialsInteraction,
  noContentInteraction,
  notFoundInteraction,
} from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

const pact = createPact('voucherify');
/** An id no server has: Voucherify ids are a prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing000';

/** The documented invitation, sent to an address that cannot receive mail (example.com is reserved). */
function invitation(): VoucherifySchemas['UserInvitation'] {
  return { ...requestExample('voucherify', 'inviteUser'), email: 'vouchspec.invitee@example.com' };
}
/** The project the documented invitation names, by the id the provider state gives it. */
const [invitedProjectId = ''] = Object.keys(invitation().projects);

describe('Invitations to an organisation', () => {
  it('inviteUser: invites someone to the projects it names', () =>
    noContentInteraction(pact, 'voucherify', 'inviteUser', {
      given: states.invitedProject,
      stateParams: { projectId: invitedProjectId },
      description: 'the documented invitation',
      body: invitation(),
    }));

  it('inviteUser: answers 409 for an address that is already a login', () =>
    conflictInteraction(pact, 'inviteUser', {
      given: states.userWithInvitedAddress,
      stateParams: { projectId: invitedProjectId, email: invitation().email },
      description: 'an address that is already a login',
      body: invitation(),
    }));

  it('inviteUser: answers 404 for a project that does not exist', () =>
    notFoundInteraction(pact, 'voucherify', 'inviteUser', {
      missing: {},
      resourceId: missingProjectId,
      description: 'a project that does not exist',
      resourceType: 'project',
      body: { ...invitation(), projects: { [missingProjectId]: 'MERCHANT' } },
    }));

  it('inviteUser: rejects an invitation without an email', () => {
    const { email: _email, ...body } = invitation();
    return invalidBodyInteraction(pact, 'voucherify', 'inviteUser', {
      description: 'a body without the required email',
      body,
    });
  });

  it('inviteUser: rejects invalid management keys', () =>
    invalidCredentialsInteraction(pact, 'voucherify', 'inviteUser'));
});
