import { describe, expect, it } from 'vitest';
import { collectionCalls, other, twoProjects } from './fixtures/project-collections.js';
import { schemaErrors, useMock } from './helpers.js';

const mock = useMock({ seed: twoProjects });
const { create, list, get, update } = collectionCalls(mock, 'webhooks');

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
});

describe('listWebhooks', () => {
  it('lists the project’s webhooks in creation order, and only those', async () => {
    const first = await create(redemptions);
    const second = await create({ target_url: 'https://crm.example.com/in', events: ['customer.created'] });
    await create(redemptions, other);
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [first.body, second.body], total: 2 });
  });

  it('returns an empty list for a project without webhooks', async () => {
    expect((await list()).body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
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
});
