import { beforeEach, describe, expect, it } from 'vitest';
import { managementKeys, useMock } from './helpers.js';

const mock = useMock();

const call = (method: string, path: string, body?: unknown) =>
  mock.call(method, `/management/v1/projects${path}`, { headers: managementKeys, body });

const user = (id: string, login: string, isOwner = false) => ({
  id,
  login,
  email: login,
  first_name: id,
  last_name: 'Example',
  projects: {},
  is_owner: isOwner,
});

/** Two projects; the owner has access to both (as to every new project), Ada to the first only. */
let main: string;
let other: string;
beforeEach(async () => {
  mock.server.reset();
  mock.server.seed({
    voucherify: {
      users: [
        user('user_owner', 'owner@example.com', true),
        user('user_ada', 'ada@example.com'),
        user('user_bob', 'bob@example.com'),
      ],
    },
  });
  const project = (name: string, users: unknown[]) =>
    call('POST', '', { name, timezone: 'UTC', currency: 'USD', case_sensitive_codes: false, users });
  main = (await project('Main', [{ id: 'user_ada', role: 'USER' }])).body.id;
  other = (await project('Other', [])).body.id;
});

const ids = (list: { data: { id: string }[] }) => list.data.map((u) => u.id);

describe('assignUser', () => {
  it('gives a user named by id access with the role', async () => {
    const res = await call('POST', `/${other}/users`, { id: 'user_ada', role: 'VIEWER' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'user_ada', projects: { [main]: 'USER', [other]: 'VIEWER' } });
    expect(ids((await call('GET', `/${other}/users`)).body)).toContain('user_ada');
  });

  it('finds a user by login, and assigning again changes the role', async () => {
    await call('POST', `/${main}/users`, { login: 'bob@example.com', role: 'VIEWER' });
    const res = await call('POST', `/${main}/users`, { login: 'bob@example.com', role: 'ADMIN' });
    expect(res.body).toMatchObject({ id: 'user_bob', projects: { [main]: 'ADMIN' } });
  });

  it('rejects an unknown user and an unknown project with 400, as it documents no 404', async () => {
    const byId = await call('POST', `/${main}/users`, { id: 'user_nobody', role: 'USER' });
    expect(byId.status).toBe(400);
    expect(byId.body.details).toBe('body.id: no user has the id user_nobody');
    const byLogin = await call('POST', `/${main}/users`, { login: 'nobody@example.com', role: 'USER' });
    expect(byLogin.body.details).toBe('body.login: no user has the login nobody@example.com');
    const project = await call('POST', '/proj_missing/users', { id: 'user_bob', role: 'USER' });
    expect(project.status).toBe(400);
    expect(project.body.details).toBe('path.projectId: no project has the id proj_missing');
    expect(mock.server.state.users.get('user_bob')?.projects).toEqual({});
  });

  it('rejects naming the user by both id and login', async () => {
    const res = await call('POST', `/${main}/users`, {
      id: 'user_bob',
      login: 'bob@example.com',
      role: 'USER',
    });
    expect(res.status).toBe(400);
  });
});

describe('listUsers and getUser', () => {
  it('lists the users with access to the project, with all their roles', async () => {
    const res = await call('GET', `/${main}/users`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'data', total: 2 });
    expect(ids(res.body)).toEqual(['user_owner', 'user_ada']);
    expect(res.body.data[0].projects).toEqual({ [main]: 'ADMIN', [other]: 'ADMIN' });
    expect(ids((await call('GET', `/${other}/users`)).body)).toEqual(['user_owner']);
  });

  it('lists no users for a project that does not exist, as it documents no 404', async () => {
    const res = await call('GET', '/proj_missing/users');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
  });

  it('gets a user by id or login', async () => {
    const byId = await call('GET', `/${main}/users/user_ada`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({ ...user('user_ada', 'ada@example.com'), projects: { [main]: 'USER' } });
    const byLogin = await call('GET', `/${main}/users/ada@example.com`);
    expect(byLogin.body).toEqual(byId.body);
  });

  it('answers 404 for a user without access, an unknown user, and an unknown project', async () => {
    const noAccess = await call('GET', `/${other}/users/user_ada`);
    expect(noAccess.status).toBe(404);
    expect(noAccess.body).toMatchObject({ resource_type: 'user', resource_id: 'user_ada' });
    expect((await call('GET', `/${main}/users/user_nobody`)).status).toBe(404);
    const project = await call('GET', '/proj_missing/users/user_ada');
    expect(project.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_missing' });
  });
});

describe('updateUser', () => {
  it("changes the user's role in this project only", async () => {
    await call('POST', `/${other}/users`, { id: 'user_ada', role: 'USER' });
    const res = await call('PUT', `/${main}/users/ada@example.com`, { role: 'VIEWER' });
    expect(res.status).toBe(200);
    expect(res.body.projects).toEqual({ [main]: 'VIEWER', [other]: 'USER' });
    expect((await call('GET', `/${main}/users/user_ada`)).body.projects[main]).toBe('VIEWER');
  });

  it('answers 404 for a user without access to the project', async () => {
    const res = await call('PUT', `/${other}/users/user_ada`, { role: 'VIEWER' });
    expect(res.status).toBe(404);
    expect(mock.server.state.users.get('user_ada')?.projects).toEqual({ [main]: 'USER' });
  });
});

describe('unassignUser', () => {
  it('removes the access to the project, after which the user is not found there', async () => {
    await call('POST', `/${other}/users`, { id: 'user_ada', role: 'USER' });
    const res = await call('DELETE', `/${main}/users/user_ada`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await call('GET', `/${main}/users/user_ada`)).status).toBe(404);
    expect(ids((await call('GET', `/${main}/users`)).body)).toEqual(['user_owner']);
    expect(mock.server.state.users.get('user_ada')?.projects).toEqual({ [other]: 'USER' });
    expect((await call('DELETE', `/${main}/users/user_ada`)).status).toBe(404);
  });

  it('refuses to remove an owner, with the full error body', async () => {
    const res = await call('DELETE', `/${main}/users/user_owner`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 400,
      key: 'invalid_request',
      message: 'Invalid request',
      details: 'User owner@example.com is an owner of the organisation and cannot be removed from a project.',
      request_id: expect.any(String),
    });
  });

  it('refuses to remove a user from their only project', async () => {
    const res = await call('DELETE', `/${main}/users/user_ada`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ key: 'invalid_request' });
    expect(mock.server.state.users.get('user_ada')?.projects).toEqual({ [main]: 'USER' });
  });

  it('answers 404 for an unknown project or a user without access', async () => {
    expect((await call('DELETE', '/proj_missing/users/user_ada')).status).toBe(404);
    expect((await call('DELETE', `/${other}/users/user_ada`)).status).toBe(404);
  });
});

describe('inviteUser', () => {
  const invite = (body: object) =>
    call('POST', '/users/invite', {
      email: 'new@example.com',
      first_name: 'New',
      last_name: 'Person',
      projects: { [main]: 'MERCHANT' },
      ...body,
    });

  it('stores the invitation and answers 204 with no body', async () => {
    const res = await invite({ projects: { [main]: 'MERCHANT', [other]: 'VIEWER' } });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(mock.server.state.invitations.get('new@example.com')).toEqual({
      email: 'new@example.com',
      first_name: 'New',
      last_name: 'Person',
      projects: { [main]: 'MERCHANT', [other]: 'VIEWER' },
    });
  });

  it('answers 409 for the email of a user or of a pending invitation', async () => {
    const existing = await invite({ email: 'Ada@Example.com' });
    expect(existing.status).toBe(409);
    expect(existing.body).toMatchObject({ key: 'duplicate_found' });
    expect((await invite({})).status).toBe(204);
    const again = await invite({ email: 'NEW@example.com' });
    expect(again.status).toBe(409);
    expect(mock.server.state.invitations.size).toBe(1);
  });

  it('answers 404 for a project that does not exist', async () => {
    const res = await invite({ projects: { [main]: 'USER', proj_missing: 'USER' } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_missing' });
    expect(mock.server.state.invitations.size).toBe(0);
  });

  it('rejects an invitation to no project', async () => {
    const res = await invite({ projects: {} });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('body.projects: name at least one project');
  });
});
