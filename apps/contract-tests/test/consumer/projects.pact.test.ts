import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { errorInteraction, successInteraction } from './interactions.js';
import { interactionTable, invalidBodyInteraction, unknownProject } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

const pact = createPact('voucherify');
/** The project a test creates; a provider state removes it again on real accounts. */
const createdName = 'vouchspec contract test project';
/** An id no server has: Voucherify ids are `proj_` and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing000';

function projectCreate(): VoucherifySchemas['ProjectCreate'] {
  // The documented users need organisation members this account may not have; projects start without them.
  const { users: _users, ...settings } = requestExample<VoucherifySchemas['ProjectCreate']>(
    'voucherify',
    'createProject',
  );
  return { ...settings, name: createdName };
}

const projectUpdate = requestExample<VoucherifySchemas['ProjectUpdate']>('voucherify', 'updateProject');

describe('Projects', () => {
  it('listProjects: lists the projects of the organisation', () =>
    successInteraction(pact, 'listProjects', {
      given: states.projectExists,
      description: 'the projects of the organisation',
      matcher: { include: ['data[].name', 'data[].timezone', 'data[].currency'], nonEmpty: ['data'] },
      check: (list) => {
        expect(list.data.length).toBeGreaterThan(0);
        expect(list.data[0]?.id).toMatch(/^proj_/);
      },
    }));

  it('createProject: creates a project and returns its key pairs', () =>
    successInteraction(pact, 'createProject', {
      given: states.createdProjectsRemoved,
      stateParams: { name: createdName },
      description: 'a project from the documented settings',
      body: projectCreate(),
      matcher: {
        include: ['server_side_key.app_id', 'server_side_key.app_token', 'client_side_key.app_id'],
        values: { name: createdName },
      },
      check: (project) => {
        expect(project.name).toBe(createdName);
        expect(project.server_side_key?.app_token).toBeTruthy();
      },
    }));

  it('createProject: rejects a project without a name', () => {
    const { name: _name, ...body } = projectCreate();
    return invalidBodyInteraction(pact, 'voucherify', 'createProject', {
      description: 'a body without the required name',
      body,
    });
  });

  it('getProject: returns a project', () =>
    successInteraction(pact, 'getProject', {
      given: states.projectExists,
      description: 'an existing project',
      matcher: {
        include: [
          'name',
          'timezone',
          'currency',
          'webhook_version',
          'api_usage_notifications.api_calls.enabled',
        ],
      },
      check: (project) => expect(project.id).toMatch(/^proj_/),
    }));

  it('updateProject: changes the settings it is sent', () =>
    successInteraction(pact, 'updateProject', {
      given: states.projectExists,
      description: 'the documented settings change',
      matcher: {
        include: Object.keys(projectUpdate).filter((key) => key !== 'api_usage_notifications'),
        values: projectUpdate,
      },
      check: (project) => expect(project.id).toMatch(/^proj_/),
    }));

  it('updateProject: rejects a wrongly typed setting', () =>
    errorInteraction(pact, 'updateProject', {
      given: states.projectExists,
      description: 'a non-boolean client_redeem_enabled',
      body: { ...projectUpdate, client_redeem_enabled: 'yes' },
      status: 400,
    }));

  describe('what every operation on a project answers', () => {
    const unknown = unknownProject(missingProjectId);
    interactionTable(
      pact,
      'voucherify',
      ['listProjects', 'createProject', 'getProject', 'updateProject', 'deleteProject'],
      [
        ['getProject', 'answers 404', unknown],
        ['updateProject', 'answers 404', unknown],
        ['deleteProject', 'answers 404', unknown],
        ['deleteProject', 'answers 204', { given: states.projectExists, description: 'an existing project' }],
      ],
    );
  });
});
