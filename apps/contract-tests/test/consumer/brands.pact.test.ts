import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { successInteraction } from './interactions.js';
import { invalidBodyInteraction } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

// Invalid keys, unknown projects and items, deletion and duplicates: project-collections.pact.test.ts.
const pact = createPact('voucherify');

/** The documented brand; the provider states create the same one. */
const brandCreate = () => requestExample<VoucherifySchemas['BrandCreate']>('voucherify', 'createBrand');
const brandUpdate = () => requestExample<VoucherifySchemas['BrandUpdate']>('voucherify', 'updateBrand');

describe('Brands', () => {
  it('listBrands: lists the brand of a project', () =>
    successInteraction(pact, 'listBrands', {
      given: states.projectWithBrand,
      description: 'the brand of a project',
      matcher: { nonEmpty: ['data'] },
      check: (list) => {
        expect(list.object).toBe('list');
        expect(list.total).toBeGreaterThan(0);
        expect(list.data[0]?.id).toBeTruthy();
        expect(list.data[0]?.brand.name).toBeTruthy();
        expect(list.data[0]?.contact.email).toBeTruthy();
      },
    }));

  it('createBrand: creates the brand of a project', () => {
    const body = brandCreate();
    return successInteraction(pact, 'createBrand', {
      given: states.projectExists,
      description: 'the documented brand',
      matcher: { values: { brand: body.brand, contact: body.contact } },
      check: (brand) => {
        expect(brand.id).toBeTruthy();
        expect(brand.brand.name).toBe(body.brand.name);
        expect(brand.brand.permission_reminder).toBe(body.brand.permission_reminder);
        expect(brand.address.city).toBe(body.address.city);
        expect(typeof brand.address.state).toBe('string');
        expect(brand.contact.email).toBe(body.contact.email);
      },
    });
  });

  it('createBrand: rejects a brand without a name', () => {
    const documented = brandCreate();
    const { name: _name, ...identity } = documented.brand;
    return invalidBodyInteraction(pact, 'voucherify', 'createBrand', {
      given: states.projectExists,
      description: 'a body without the required brand name',
      body: { ...documented, brand: identity },
    });
  });

  it('createBrand: rejects a contact email that is not an address', () => {
    const documented = brandCreate();
    const contact = { ...documented.contact, email: documented.contact.email.replace('@', ' at ') };
    return invalidBodyInteraction(pact, 'voucherify', 'createBrand', {
      given: states.projectExists,
      description: 'a contact email that is not an email address',
      body: { ...documented, contact },
    });
  });

  it('getBrand: returns the brand of a project', () => {
    const created = brandCreate();
    return successInteraction(pact, 'getBrand', {
      given: states.projectWithBrand,
      description: 'an existing brand',
      matcher: (params) => ({
        values: { id: params.brandingId, brand: created.brand, contact: created.contact },
      }),
      check: (brand, params) => {
        expect(brand.id).toBe(params.brandingId);
        expect(brand.brand.name).toBe(created.brand.name);
        expect(brand.contact.email).toBe(created.contact.email);
        expect(typeof brand.address.country).toBe('string');
      },
    });
  });

  it('updateBrand: changes the properties it is sent and keeps the others', () => {
    const created = brandCreate();
    const body = brandUpdate();
    const brand = { ...created.brand, ...body.brand };
    const contact = { ...created.contact, ...body.contact };
    return successInteraction(pact, 'updateBrand', {
      given: states.projectWithBrand,
      description: 'the documented legal links and phone number',
      matcher: (params) => ({ values: { id: params.brandingId, brand, contact } }),
      check: (updated, params) => {
        expect(updated.id).toBe(params.brandingId);
        expect(updated.brand).toMatchObject(body.brand ?? {});
        expect(updated.contact).toMatchObject(body.contact ?? {});
        // What the update leaves out stays as it was.
        expect(updated.brand.name).toBe(created.brand.name);
        expect(updated.contact.email).toBe(created.contact.email);
      },
    });
  });

  it('updateBrand: rejects a null permission reminder', () => {
    const documented = brandUpdate();
    return invalidBodyInteraction(pact, 'voucherify', 'updateBrand', {
      given: states.projectWithBrand,
      description: 'a null permission_reminder',
      body: { ...documented, brand: { ...documented.brand, permission_reminder: null } },
    });
  });
});
