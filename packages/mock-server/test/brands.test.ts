import { describe, expect, it } from 'vitest';
import { collectionCalls, home, other, twoProjects } from './fixtures/project-collections.js';
import { schemaErrors, useMock } from './helpers.js';

const mock = useMock({ seed: twoProjects });
const { create, list, get, update, remove } = collectionCalls(mock, 'branding');

/** Only the required fields. */
const minimal = {
  brand: { name: 'Voucherify PSA' },
  address: { street: 'Porcelanowa 23', city: 'Katowice', postal: '43-246', country: 'Poland' },
  contact: { email: 'contact@voucherify.io' },
};

describe('createBrand', () => {
  it('fills every field a stored brand has from the documented defaults', async () => {
    const res = await create(minimal);
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'Brand', res.body)).toBeUndefined();
    expect(res.body.id).toMatch(/^brd_[A-Za-z0-9]{24}$/);
    expect(res.body).toEqual({
      id: res.body.id,
      brand: {
        name: 'Voucherify PSA',
        privacy_policy_url: null,
        terms_of_use_url: null,
        permission_reminder: 'You are receiving this email because you opted in at our website.',
        website_url: null,
      },
      address: { ...minimal.address, state: '' },
      contact: { email: 'contact@voucherify.io', phone: null },
    });
  });

  it('keeps the values sent', async () => {
    const res = await create({
      brand: {
        name: 'Acme',
        privacy_policy_url: 'https://acme.example/privacy',
        terms_of_use_url: null,
        permission_reminder: 'You signed up at acme.example.',
        website_url: 'acme.example',
      },
      address: { street: 'Main St 1', city: 'Springfield', postal: null, state: 'IL', country: 'USA' },
      contact: { email: 'hello@acme.example', phone: '+1 555 0100' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      brand: {
        privacy_policy_url: 'https://acme.example/privacy',
        permission_reminder: 'You signed up at acme.example.',
        website_url: 'acme.example',
      },
      address: { postal: null, state: 'IL' },
      contact: { phone: '+1 555 0100' },
    });
  });

  it('uses the default reminder and an empty state when they are sent as null', async () => {
    const res = await create({
      ...minimal,
      brand: { name: 'Acme', permission_reminder: null },
      address: { ...minimal.address, state: null },
    });
    expect(res.body.brand.permission_reminder).toBe(
      'You are receiving this email because you opted in at our website.',
    );
    expect(res.body.address.state).toBe('');
  });

  it('answers 409 when the project already has a brand, but not for another project', async () => {
    const first = await create(minimal);
    const second = await create({ ...minimal, brand: { name: 'Other' } });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 409,
      key: 'duplicate_found',
      details: `A brand already exists for project ${home}`,
    });
    expect((await list()).body.data).toEqual([first.body]);
    expect((await create(minimal, other)).status).toBe(200);
  });

  it('answers 400 for a contact email that is not an email address', async () => {
    const res = await create({ ...minimal, contact: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('body.contact.email: not-an-email is not an email address');
    expect((await list()).body.total).toBe(0);
  });
});

describe('listBrands', () => {
  it('returns an empty list before a brand exists and the brand afterwards', async () => {
    expect((await list()).body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
    const created = await create(minimal);
    await create({ ...minimal, brand: { name: 'B' } }, other);
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [created.body], total: 1 });
  });
});

describe('updateBrand', () => {
  it('changes only the fields sent, and get and list reflect it', async () => {
    const created = await create({ ...minimal, brand: { ...minimal.brand, website_url: 'voucherify.io' } });
    const res = await update(created.body.id, {
      brand: {
        privacy_policy_url: 'https://www.voucherify.io/legal/privacy-policy',
        website_url: null,
      },
      address: { state: 'Silesia', postal: null },
      contact: { phone: '+48 32 730 15 40' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...created.body,
      brand: {
        ...created.body.brand,
        privacy_policy_url: 'https://www.voucherify.io/legal/privacy-policy',
        website_url: null,
      },
      address: { ...created.body.address, state: 'Silesia', postal: null },
      contact: { ...created.body.contact, phone: '+48 32 730 15 40' },
    });
    expect((await get(created.body.id)).body).toEqual(res.body);
    expect((await list()).body.data).toEqual([res.body]);
  });

  it('ignores fields a brand does not have', async () => {
    const created = await create(minimal);
    const res = await update(created.body.id, { brand: { slogan: 'Save more' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('answers 400 for a contact email that is not an email address, leaving the brand unchanged', async () => {
    const created = await create(minimal);
    const res = await update(created.body.id, { contact: { email: 'contact at voucherify' } });
    expect(res.status).toBe(400);
    expect((await get(created.body.id)).body).toEqual(created.body);
  });

  it('answers 400 for a null the stored brand cannot hold', async () => {
    const created = await create(minimal);
    const res = await update(created.body.id, { brand: { permission_reminder: null } });
    expect(res.status).toBe(400);
    expect(res.body.details).toContain('body.brand.permission_reminder');
  });
});

describe('deleteBrand', () => {
  it('makes room for a new brand in the project', async () => {
    const created = await create(minimal);
    expect((await remove(created.body.id)).status).toBe(204);
    expect((await create(minimal)).status).toBe(200);
  });
});
