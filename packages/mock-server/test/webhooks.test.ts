import { describe, expect, it } from 'vitest';
import { exampleProject, managementKeys, schemaErrors, useMock } from './helpers.js';

const mock = useMock({
  seed: () => ({ voucherify: { projects: [exampleProject('proj_A'), exampleProject('proj_B')] } }),
});

const base = (projectId: string) => `/management/v1/projects/${projectId}/webhooks`;
const create = (body: unknown, projectId = 'proj_A') =>
  mock.call('POST', base(projectId), { headers: managementKeys, body });
const list = (projectId = 'proj_A') => mock.call('GET', base(projectId), { headers: managementKeys });
const get = (id: string, projectId = 'proj_A') =>
  mock.call('GET', `${base(projectId)}/${id}`, { headers: managementKeys });
const update = (id: string, body: unknown, projectId = 'proj_A') =>
  mock.call('PUT', `${base(projectId)}/${id}`, { headers: managementKeys, body });
const remove = (id: string, projectId = 'proj_A') =>
  mock.call('DELETE', `${base(projectId)}/${id}`, { headers: managementKeys });

const redemptions = {
  target_url: 'https://hooks.example.com/voucherify/redemptions',
  events: ['redemption.succeeded', 'redemption.failed'],
};

describe('createWebhook', () => {
  it('creates an active webhook when active is left out', async () => {
    const res = await create(redemptions);
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'Webhook', res.body)).toBeUndefined();
    expect(res.body.id).toMatch(/^wh_[A-Za-z0-9]{24}$/);
    expect(res.body).toMatchObject({ object: 'webhook', ...redemptions, active: true });
    expect(Date.parse(res.body.created_at)).not.toBeNaN();
  });

  it('creates a paused webhook when active is false', async () => {
    const res = await create({ ...redemptions, active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
  });

  it('answers 400 for a target that is not an absolute http(s) URL', async () => {
    for (const target_url of ['hooks.example.com/voucherify', 'ftp://hooks.example.com/x']) {
      const res = await create({ ...redemptions, target_url });
      expect(res.status).toBe(400);
      expect(res.body.details).toBe(`body.target_url: ${target_url} is not an absolute http or https URL`);
    }
    expect((await list()).body.total).toBe(0);
  });

  it('answers 404 for an unknown project', async () => {
    const res = await create(redemptions, 'proj_missing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_missing' });
  });
});

describe('listWebhooks', () => {
  it('lists the project’s webhooks in creation order, and only those', async () => {
    const first = await create(redemptions);
    const second = await create({ target_url: 'https://crm.example.com/in', events: ['customer.created'] });
    await create(redemptions, 'proj_B');
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [first.body, second.body], total: 2 });
  });

  it('returns an empty list for a project without webhooks', async () => {
    expect((await list()).body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
  });

  it('answers 404 for an unknown project', async () => {
    expect((await list('proj_missing')).status).toBe(404);
  });
});

describe('getWebhook', () => {
  it('returns the webhook as created', async () => {
    const created = await create(redemptions);
    const res = await get(created.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('answers 404 for an unknown id, a webhook of another project, and an unknown project', async () => {
    const created = await create(redemptions);
    const unknown = await get('wh_unknown');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      key: 'not_found',
      resource_type: 'webhook',
      resource_id: 'wh_unknown',
    });
    expect((await get(created.body.id, 'proj_B')).status).toBe(404);
    const noProject = await get(created.body.id, 'proj_missing');
    expect(noProject.status).toBe(404);
    expect(noProject.body.resource_type).toBe('project');
  });
});

describe('updateWebhook', () => {
  it('replaces the settings, events included, and keeps id and created_at', async () => {
    const created = await create(redemptions);
    const settings = {
      target_url: 'https://hooks.example.com/voucherify/events',
      events: ['customer.created', 'voucher.published'],
      active: false,
    };
    const res = await update(created.body.id, settings);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: created.body.id,
      object: 'webhook',
      created_at: created.body.created_at,
      ...settings,
    });
    expect((await get(created.body.id)).body).toEqual(res.body);
    expect((await list()).body.data).toEqual([res.body]);
  });

  it('makes the webhook active again when active is left out', async () => {
    const created = await create({ ...redemptions, active: false });
    const res = await update(created.body.id, redemptions);
    expect(res.body.active).toBe(true);
  });

  it('answers 400 for a bad target and leaves the webhook unchanged', async () => {
    const created = await create(redemptions);
    const res = await update(created.body.id, { ...redemptions, target_url: 'not a url' });
    expect(res.status).toBe(400);
    expect((await get(created.body.id)).body).toEqual(created.body);
  });

  it('answers 404 for an unknown id, a webhook of another project, and an unknown project', async () => {
    const created = await create(redemptions);
    expect((await update('wh_unknown', redemptions)).status).toBe(404);
    expect((await update(created.body.id, redemptions, 'proj_B')).status).toBe(404);
    expect((await update(created.body.id, redemptions, 'proj_missing')).status).toBe(404);
  });
});

describe('deleteWebhook', () => {
  it('deletes the webhook', async () => {
    const created = await create(redemptions);
    const kept = await create({ ...redemptions, target_url: 'https://other.example.com/hook' });
    const res = await remove(created.body.id);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await get(created.body.id)).status).toBe(404);
    expect((await list()).body.data).toEqual([kept.body]);
    expect((await remove(created.body.id)).status).toBe(404);
  });

  it('answers 404 for a webhook of another project and for an unknown project, leaving it in place', async () => {
    const created = await create(redemptions);
    expect((await remove(created.body.id, 'proj_B')).status).toBe(404);
    expect((await remove(created.body.id, 'proj_missing')).status).toBe(404);
    expect((await get(created.body.id)).status).toBe(200);
  });
});
