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
const brandsPath = '/management/v1/projects/{projectId}/branding';
const brandPath = '/management/v1/projects/{projectId}/branding/{brandingId}';
/** Ids no server has: a type prefix and 24 characters from a base-62 alphabet. */
const missingProjectId = 'proj_vouchspecMissing000';
const missingBrandingId = 'brd_vouchspecMissing00000000';

/** The documented brand; the provider states create the same one. */
const brandCreate = () => requestExample<VoucherifySchemas['BrandCreate']>('voucherify', 'createBrand');
const brandUpdate = () => requestExample<VoucherifySchemas['BrandUpdate']>('voucherify', 'updateBrand');

describe('Brands', () => {
  describe('listBrands', () => {
    const { path, params } = requestPath('voucherify', brandsPath);

    it('listBrands: lists the brand of a project', async () => {
      await pact
        .addInteraction()
        .given(states.projectWithBrand)
        .uponReceiving('listBrands: the brand of a project')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'listBrands', 200, { nonEmpty: ['data'] })),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(brandsPath, { params: { path: { projectId: params.projectId } } })
            .then(unwrap);
          expect(list.object).toBe('list');
          expect(list.total).toBeGreaterThan(0);
          expect(list.data[0]?.id).toBeTruthy();
          expect(list.data[0]?.brand.name).toBeTruthy();
          expect(list.data[0]?.contact.email).toBeTruthy();
        });
    });

    it('listBrands: answers 404 for an unknown project', () =>
      notFoundInteraction(pact, 'voucherify', 'listBrands', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
      }));

    it('listBrands: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listBrands'));
  });

  describe('createBrand', () => {
    const { path, params } = requestPath('voucherify', brandsPath);

    it('createBrand: creates the brand of a project', async () => {
      const body = brandCreate();
      await pact
        .addInteraction()
        .given(states.projectExists)
        .uponReceiving('createBrand: the documented brand')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'createBrand', 200, {
              values: { brand: body.brand, contact: body.contact },
            }),
          ),
        )
        .executeTest(async (server) => {
          const brand = await voucherifyClient(server.url)
            .POST(brandsPath, { params: { path: { projectId: params.projectId } }, body })
            .then(unwrap);
          expect(brand.id).toBeTruthy();
          expect(brand.brand.name).toBe(body.brand.name);
          expect(brand.brand.permission_reminder).toBe(body.brand.permission_reminder);
          expect(brand.address.city).toBe(body.address.city);
          expect(typeof brand.address.state).toBe('string');
          expect(brand.contact.email).toBe(body.contact.email);
        });
    });

    it('createBrand: answers 409 when the project already has a brand', async () => {
      const body = brandCreate();
      await pact
        .addInteraction()
        .given(states.projectWithBrand)
        .uponReceiving('createBrand: a second brand for the same project')
        .withRequest('POST', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(409, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'createBrand', 409, { include: ['key', 'details'] })),
        )
        .executeTest(async (server) => {
          const { data, error, response } = await voucherifyClient(server.url).POST(brandsPath, {
            params: { path: { projectId: params.projectId } },
            body,
          });
          expect(data).toBeUndefined();
          expect(response.status).toBe(409);
          expect(error).toMatchObject({ code: 409, key: 'duplicate_found' });
        });
    });

    it('createBrand: rejects a brand without a name', async () => {
      const documented = brandCreate();
      const { name: _name, ...identity } = documented.brand;
      const body = { ...documented, brand: identity };
      await invalidBodyInteraction(pact, 'voucherify', 'createBrand', {
        given: states.projectExists,
        description: 'a body without the required brand name',
        body: body,
      });
    });

    it('createBrand: rejects a contact email that is not an address', async () => {
      const documented = brandCreate();
      const body = {
        ...documented,
        contact: { ...documented.contact, email: documented.contact.email.replace('@', ' at ') },
      };
      await invalidBodyInteraction(pact, 'voucherify', 'createBrand', {
        given: states.projectExists,
        description: 'a contact email that is not an email address',
        body: body,
      });
    });

    it('createBrand: answers 404 for an unknown project', async () => {
      const body = brandCreate();
      await notFoundInteraction(pact, 'voucherify', 'createBrand', {
        missing: { projectId: missingProjectId },
        description: 'a project that does not exist',
        resourceType: 'project',
        body: body,
      });
    });

    it('createBrand: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'createBrand'));
  });

  describe('getBrand', () => {
    const { path, params } = requestPath('voucherify', brandPath);

    it('getBrand: returns the brand of a project', async () => {
      const created = brandCreate();
      await pact
        .addInteraction()
        .given(states.projectWithBrand)
        .uponReceiving('getBrand: an existing brand')
        .withRequest('GET', path, (b) => b.headers(managementKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'getBrand', 200, {
              values: { id: params.brandingId, brand: created.brand, contact: created.contact },
            }),
          ),
        )
        .executeTest(async (server) => {
          const brand = await voucherifyClient(server.url)
            .GET(brandPath, { params: { path: params } })
            .then(unwrap);
          expect(brand.id).toBe(params.brandingId);
          expect(brand.brand.name).toBe(created.brand.name);
          expect(brand.contact.email).toBe(created.contact.email);
          expect(typeof brand.address.country).toBe('string');
        });
    });

    it('getBrand: answers 404 for an unknown brand', () =>
      notFoundInteraction(pact, 'voucherify', 'getBrand', {
        given: states.projectExists,
        missing: { brandingId: missingBrandingId },
        description: 'a brand that does not exist',
        resourceType: 'brand',
      }));

    it('getBrand: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'getBrand'));
  });

  describe('updateBrand', () => {
    const { path, params } = requestPath('voucherify', brandPath);

    it('updateBrand: changes the properties it is sent and keeps the others', async () => {
      const created = brandCreate();
      const body = brandUpdate();
      const brand = { ...created.brand, ...body.brand };
      const contact = { ...created.contact, ...body.contact };
      await pact
        .addInteraction()
        .given(states.projectWithBrand)
        .uponReceiving('updateBrand: the documented legal links and phone number')
        .withRequest('PUT', path, (b) => b.headers(managementKeys).jsonBody(body))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'updateBrand', 200, {
              values: { id: params.brandingId, brand, contact },
            }),
          ),
        )
        .executeTest(async (server) => {
          const updated = await voucherifyClient(server.url)
            .PUT(brandPath, { params: { path: params }, body })
            .then(unwrap);
          expect(updated.id).toBe(params.brandingId);
          expect(updated.brand).toMatchObject(body.brand ?? {});
          expect(updated.contact).toMatchObject(body.contact ?? {});
          // What the update leaves out stays as it was.
          expect(updated.brand.name).toBe(created.brand.name);
          expect(updated.contact.email).toBe(created.contact.email);
        });
    });

    it('updateBrand: rejects a null permission reminder', async () => {
      const documented = brandUpdate();
      const body = { ...documented, brand: { ...documented.brand, permission_reminder: null } };
      await invalidBodyInteraction(pact, 'voucherify', 'updateBrand', {
        given: states.projectWithBrand,
        description: 'a null permission_reminder',
        body: body,
      });
    });

    it('updateBrand: answers 404 for an unknown brand', async () => {
      const body = brandUpdate();
      await notFoundInteraction(pact, 'voucherify', 'updateBrand', {
        given: states.projectExists,
        missing: { brandingId: missingBrandingId },
        description: 'a brand that does not exist',
        resourceType: 'brand',
        body: body,
      });
    });

    it('updateBrand: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'updateBrand'));
  });

  describe('deleteBrand', () => {
    it('deleteBrand: deletes the brand of a project', () =>
      noContentInteraction(pact, 'voucherify', 'deleteBrand', {
        given: states.projectWithBrand,
        description: 'an existing brand',
      }));

    it('deleteBrand: answers 404 for an unknown brand', () =>
      notFoundInteraction(pact, 'voucherify', 'deleteBrand', {
        given: states.projectExists,
        missing: { brandingId: missingBrandingId },
        description: 'a brand that does not exist',
        resourceType: 'brand',
      }));

    it('deleteBrand: rejects invalid management keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'deleteBrand'));
  });
});
