import { describe, expect, it } from 'vitest';
import type { ProjectTable } from '../src/store/table.js';
import { expectNotFound, managementKeys, schemaErrors, useMock } from './helpers.js';

const mock = useMock();

const call = (method: string, path: string, body?: unknown) =>
  mock.call(method, `/management/v1/projects${path}`, { headers: managementKeys, body });
const create = (body: object) =>
  call('POST', '', {
    name: 'Shop',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    case_sensitive_codes: true,
    ...body,
  });

const alert = (value: number) => ({ enabled: true, value, in_app: false, emails: ['ops@example.com'] });
const alerts = (value: number) => ({
  messages: alert(value),
  api_calls: alert(value),
  bulk_api_calls: alert(value),
  webhook_calls: alert(value),
  cycle_calls: alert(value),
});

function seedUsers() {
  mock.server.seed({
    voucherify: {
      users: [
        {
          id: 'user_owner',
          login: 'owner@example.com',
          email: 'owner@example.com',
          first_name: 'Olga',
          last_name: 'Owner',
          projects: {},
          is_owner: true,
        },
        {
          id: 'user_ada',
          login: 'ada@example.com',
          email: 'ada@example.com',
          first_name: 'Ada',
          last_name: 'Lovelace',
          projects: {},
          is_owner: false,
        },
        {
          id: 'user_bob',
          login: 'bob@example.com',
          email: 'bob@example.com',
          first_name: 'Bob',
          last_name: 'Builder',
          projects: {},
          is_owner: false,
        },
      ],
    },
  });
}

describe('createProject', () => {
  it('fills the server fields and defaults, and returns the key pairs', async () => {
    const res = await create({});
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'Project', res.body)).toBeUndefined();
    expect(res.body.id).toMatch(/^proj_[A-Za-z0-9]{24}$/);
    expect(res.body).toMatchObject({
      name: 'Shop',
      description: '',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      dial_code: null,
      case_sensitive_codes: true,
      webhook_version: 'v2024-01-01',
      api_version: 'v2018-08-01',
      cluster_id: 'eu1',
      is_sandbox: false,
      client_trusted_domains: [],
      client_redeem_enabled: false,
      webhooks_callout_notifications: { webhooks: { email: false, in_app: true, emails: [] } },
    });
    expect(res.body.webhook_token).toEqual(expect.any(String));
    expect(Object.keys(res.body.api_usage_notifications).sort()).toEqual(
      ['api_calls', 'bulk_api_calls', 'cycle_calls', 'messages', 'redemptions', 'webhook_calls'].sort(),
    );
    expect(res.body.server_side_key).toEqual({ app_id: expect.any(String), app_token: expect.any(String) });
    expect(res.body.client_side_key).toEqual({ app_id: expect.any(String), app_token: expect.any(String) });
    expect(res.body.server_side_key.app_token).not.toBe(res.body.client_side_key.app_token);
    // The code defaults and plan limits come with reads and updates, not with the create response.
    expect(res.body).not.toHaveProperty('default_code_config');
    expect(res.body).not.toHaveProperty('limits');
  });

  it('keeps the settings sent and adds the redemptions alert to the usage alerts', async () => {
    const res = await create({
      description: 'Germany',
      dial_code: '+49',
      cluster_id: 'us1',
      client_trusted_domains: ['https://shop.example.com'],
      client_publish_enabled: true,
      api_usage_notifications: alerts(60),
    });
    expect(res.body).toMatchObject({
      description: 'Germany',
      dial_code: '+49',
      cluster_id: 'us1',
      client_trusted_domains: ['https://shop.example.com'],
      client_publish_enabled: true,
      api_usage_notifications: { ...alerts(60), redemptions: { enabled: false, value: 80 } },
    });
  });

  it('gives the owners and the listed users access with their roles', async () => {
    seedUsers();
    const res = await create({
      users: [
        { id: 'user_ada', role: 'VIEWER' },
        { login: 'bob@example.com', role: 'MERCHANT' },
      ],
    });
    expect(res.status).toBe(200);
    const { users } = mock.server.state;
    expect(users.get('user_owner')?.projects).toEqual({ [res.body.id]: 'ADMIN' });
    expect(users.get('user_ada')?.projects).toEqual({ [res.body.id]: 'VIEWER' });
    expect(users.get('user_bob')?.projects).toEqual({ [res.body.id]: 'MERCHANT' });
  });

  it('rejects an unknown user without creating anything', async () => {
    seedUsers();
    const res = await create({
      users: [
        { id: 'user_ada', role: 'VIEWER' },
        { login: 'nobody@example.com', role: 'ADMIN' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      key: 'invalid_payload',
      details: 'body.users[1].login: no user has the login nobody@example.com',
    });
    expect(mock.server.state.projects.size).toBe(0);
    expect(mock.server.state.users.get('user_ada')?.projects).toEqual({});
  });

  it('rejects a body without the required settings', async () => {
    const res = await call('POST', '', { name: 'Shop' });
    expect(res.status).toBe(400);
  });
});

describe('listProjects and getProject', () => {
  it('list every project in creation order, without key pairs', async () => {
    const first = await create({ name: 'First' });
    const second = await create({ name: 'Second' });
    const res = await call('GET', '');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'data', total: 2 });
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([first.body.id, second.body.id]);
    for (const project of res.body.data) {
      expect(project).not.toHaveProperty('server_side_key');
      expect(project).not.toHaveProperty('client_side_key');
    }
  });

  it('answers an empty list when there are no projects', async () => {
    const res = await call('GET', '');
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
  });

  it('gets a project with its code defaults and limits but no key pairs', async () => {
    const created = await create({ description: 'Main' });
    const res = await call('GET', `/${created.body.id}`);
    expect(res.status).toBe(200);
    const { server_side_key, client_side_key, ...settings } = created.body;
    expect(res.body).toMatchObject(settings);
    expect(res.body).not.toHaveProperty('server_side_key');
    expect(res.body).not.toHaveProperty('client_side_key');
    expect(res.body.default_code_config).toEqual({ charset: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
    expect(res.body.limits.api_calls).toEqual([{ value: 5000, duration: 'PT1H' }]);
  });

  it('answers 404 for an unknown project', async () => {
    const res = await call('GET', '/proj_missing');
    expectNotFound(res, 'project', 'proj_missing');
  });
});

describe('updateProject', () => {
  it('changes only the settings sent, and get reflects them', async () => {
    const created = await create({ description: 'Before', client_redeem_enabled: true });
    const changes = { description: 'After', dial_code: '+48', client_trusted_domains: ['https://a.example'] };
    const res = await call('PUT', `/${created.body.id}`, changes);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.body.id,
      name: 'Shop',
      ...changes,
      client_redeem_enabled: true,
    });
    expect(res.body).not.toHaveProperty('server_side_key');
    const read = await call('GET', `/${created.body.id}`);
    expect(read.body).toEqual(res.body);
  });

  it('replaces the usage alerts but keeps the redemptions alert, which the API does not take', async () => {
    const created = await create({});
    const { redemptions } = created.body.api_usage_notifications;
    const res = await call('PUT', `/${created.body.id}`, {
      api_usage_notifications: { ...alerts(30), redemptions: alert(10) },
    });
    expect(res.body.api_usage_notifications).toEqual({ ...alerts(30), redemptions });
  });

  it('sets the code charset, and null restores the default', async () => {
    const created = await create({});
    const set = await call('PUT', `/${created.body.id}`, { default_code_config: { charset: 'ABC123' } });
    expect(set.body.default_code_config).toEqual({ charset: 'ABC123' });
    const kept = await call('PUT', `/${created.body.id}`, { default_code_config: {} });
    expect(kept.body.default_code_config).toEqual({ charset: 'ABC123' });
    const reset = await call('PUT', `/${created.body.id}`, { default_code_config: { charset: null } });
    expect(reset.body.default_code_config).toEqual({ charset: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
  });

  it('answers 404 for an unknown project', async () => {
    const res = await call('PUT', '/proj_missing', { name: 'X' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_missing' });
  });
});

describe('deleteProject', () => {
  it('deletes the project with everything scoped to it, and users lose access', async () => {
    seedUsers();
    const doomed = await create({ users: [{ id: 'user_ada', role: 'VIEWER' }] });
    const kept = await create({ users: [{ id: 'user_ada', role: 'ADMIN' }] });
    const { state } = mock.server;
    const id = doomed.body.id;
    const collections = [state.webhooks, state.brands, state.campaignTemplates] as ProjectTable<unknown>[];
    for (const collection of collections) {
      collection.in(id).set('item', {});
      collection.in(kept.body.id).set('item', {});
    }
    state.invitations.set('new@example.com', {
      email: 'new@example.com',
      first_name: 'New',
      last_name: 'Person',
      projects: { [id]: 'VIEWER', [kept.body.id]: 'USER' },
    });
    state.invitations.set('only@example.com', {
      email: 'only@example.com',
      first_name: 'Only',
      last_name: 'Here',
      projects: { [id]: 'VIEWER' },
    });

    const res = await call('DELETE', `/${id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await call('GET', `/${id}`)).status).toBe(404);
    expect((await call('GET', '')).body.data.map((p: { id: string }) => p.id)).toEqual([kept.body.id]);
    for (const collection of collections) {
      expect(collection.in(id).size).toBe(0);
      expect(collection.in(kept.body.id).has('item')).toBe(true);
    }
    expect(state.users.get('user_ada')?.projects).toEqual({ [kept.body.id]: 'ADMIN' });
    expect(state.users.get('user_owner')?.projects).toEqual({ [kept.body.id]: 'ADMIN' });
    expect(state.invitations.get('new@example.com')?.projects).toEqual({ [kept.body.id]: 'USER' });
    expect(state.invitations.has('only@example.com')).toBe(false);
  });

  it('answers 404 for an unknown or already deleted project', async () => {
    const created = await create({});
    expect((await call('DELETE', `/${created.body.id}`)).status).toBe(204);
    const again = await call('DELETE', `/${created.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ resource_type: 'project', resource_id: created.body.id });
  });
});

describe('authentication', () => {
  it('requires the management keys', async () => {
    const res = await mock.call('GET', '/management/v1/projects');
    expect(res.status).toBe(401);
  });
});
