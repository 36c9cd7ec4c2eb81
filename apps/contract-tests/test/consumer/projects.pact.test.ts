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
  managementKeys,
  requestExample,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const projectsPath = '/management/v1/projects';
const projectPath = '/management/v1/projects/{projectId}';
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

describe('Projects', () => {
  describe('listProjects', () => {
    it('listProjects: lists the projects of the organisation', async () => {
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('listProjects: the projects of the organisation')
        .withRequest('GET', projectsPath, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listProjects', 200, {
              include: ['data[].name', 'data[].timezone', 'data[].currency'],
              nonEmpty: ['data'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const data = await voucherifyClient(server.url).GET(projectsPath).then(unwrap);
          expect(data.data.length).toBeGreaterThan(0);
          expect(data.data[0]?.id).toMatch(/^proj_/);
        });
    });

    it('listProjects: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listProjects'));
  });

  describe('createProject', () => {
    it('createProject: creates a project and returns its key pairs', async () => {
      const body = projectCreate();
      await pact
        .addInteraction()
        .given(states.createdProjectsRemoved, { name: createdName })
        .uponReceiving('createProject: a project from the documented settings')
        .withRequest('POST', projectsPath, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createProject', 200, {
              include: ['server_side_key.app_id', 'server_side_key.app_token', 'client_side_key.app_id'],
              values: { name: createdName },
            }),
          ),
        )
        .executeTest(async (server) => {
          const project = await voucherifyClient(server.url).POST(projectsPath, { body }).then(unwrap);
          expect(project.name).toBe(createdName);
          expect(project.server_side_key?.app_token).toBeTruthy();
        });
    });

    it('createProject: rejects a project without a name', async () => {
      const { name: _name, ...body } = projectCreate();
      await invalidBodyInteraction(pact, 'voucherify', 'createProject', {
        description: 'a body without the required name',
        body: body,
      });
    });

    it('createProject: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'createProject'));
  });

  describe('getProject', () => {
    const { path, params } = requestPath('voucherify', projectPath);

    it('getProject: returns a project', async () => {
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('getProject: an existing project')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getProject', 200, {
              include: [
                'name',
                'timezone',
                'currency',
                'webhook_version',
                'api_usage_notifications.api_calls.enabled',
              ],
            }),
          ),
        )
        .executeTest(async (server) => {
          const project = await voucherifyClient(server.url)
            .GET(projectPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(project.id).toMatch(/^proj_/);
        });
    });

    it('getProject: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'getProject', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('getProject: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getProject'));
  });

  describe('updateProject', () => {
    const { path, params } = requestPath('voucherify', projectPath);
    const body = requestExample<VoucherifySchemas['ProjectUpdate']>('voucherify', 'updateProject');

    it('updateProject: changes the settings it is sent', async () => {
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('updateProject: the documented settings change')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateProject', 200, {
              include: Object.keys(body).filter((key) => key !== 'api_usage_notifications'),
              values: body,
            }),
          ),
        )
        .executeTest(async (server) => {
          const project = await voucherifyClient(server.url)
            .PUT(projectPath, { params: { path: { projectId: params.projectId } }, body })
            .then(unwrap);
          expect(project.id).toMatch(/^proj_/);
        });
    });

    it('updateProject: rejects a wrongly typed setting', async () => {
      const invalid = { ...body, client_redeem_enabled: 'yes' };
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('updateProject: a non-boolean client_redeem_enabled')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(invalid))
        .willRespondWith(400, (b) => b.jsonBody(responseMatcher('voucherify', 'updateProject', 400)))
        .executeTest(async (server) => {
          const { response } = await voucherifyClient(server.url).PUT(projectPath, {
            params: { path: { projectId: params.projectId } },
            body: invalid as unknown as VoucherifySchemas['ProjectUpdate'],
          });
          expect(response.status).toBe(400);
        });
    });

    it('updateProject: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'updateProject', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
        body,
      }));

    it('updateProject: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateProject'));
  });

  describe('deleteProject', () => {
    it('deleteProject: deletes a project', () =>
      noContentInteraction(pact, 'voucherify', 'deleteProject', {
        given: states.projectExists,
        description: 'an existing project',
      }));

    it('deleteProject: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'deleteProject', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('deleteProject: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteProject'));
  });
});
