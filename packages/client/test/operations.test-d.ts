/**
 * One operation per tag of both APIs, called with correct arguments (which must compile, with the right
 * result type) and with wrong ones (each marked `@ts-expect-error`, so the check fails if it compiles).
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createMewsConnectorClient,
  createVoucherifyClient,
  type MewsConnectorSchemas,
  type VoucherifySchemas,
} from '../src/index.js';

const voucherify = createVoucherifyClient({
  managementId: 'm',
  managementToken: 't',
  appId: 'a',
  appToken: 't',
});
const mews = createMewsConnectorClient({ clientToken: 'c', accessToken: 'a', client: 'x' });
const project = { params: { path: { projectId: 'proj_1' } } };
type Data<T> = NonNullable<Awaited<T> extends { data?: infer D } ? D : never>;

describe('Management API', () => {
  it('Projects', async () => {
    const call = voucherify.POST('/management/v1/projects', {
      body: { name: 'Shop EU', timezone: 'Europe/Warsaw', currency: 'EUR', case_sensitive_codes: false },
    });
    expectTypeOf<Data<typeof call>['id']>().toEqualTypeOf<string>();
    void voucherify.POST('/management/v1/projects', {
      // @ts-expect-error: currency is required
      body: { name: 'x', timezone: 'UTC', case_sensitive_codes: false },
    });
    void voucherify.PUT('/management/v1/projects/{projectId}', {
      ...project,
      // @ts-expect-error: webhook_version only allows the documented version
      body: { webhook_version: 'v2030' },
    });
  });

  it('Users', async () => {
    const call = voucherify.PUT('/management/v1/projects/{projectId}/users/{userId}', {
      params: { path: { projectId: 'proj_1', userId: 'user_1' } },
      body: { role: 'ADMIN' },
    });
    expectTypeOf<Data<typeof call>['login']>().toEqualTypeOf<string>();
    // @ts-expect-error: userId is missing
    void voucherify.GET('/management/v1/projects/{projectId}/users/{userId}', project);
    void voucherify.POST('/management/v1/projects/users/invite', {
      // @ts-expect-error: an invitation needs a map of project roles, not a list
      body: { email: 'a@b.c', first_name: 'A', last_name: 'B', projects: ['proj_1'] },
    });
  });

  it('Campaign templates', async () => {
    const call = voucherify.GET('/management/v1/projects/{projectId}/templates/campaigns', {
      params: {
        path: { projectId: 'proj_1' },
        query: {
          limit: 10,
          filters: { junction: 'and', campaign_type: { conditions: { $is: 'GIFT_VOUCHERS' } } },
        },
      },
    });
    expectTypeOf<Data<typeof call>['has_more']>().toEqualTypeOf<boolean>();
    void voucherify.GET('/management/v1/projects/{projectId}/templates/campaigns', {
      params: {
        path: { projectId: 'p' },
        // @ts-expect-error: campaign_type only filters on documented campaign types
        query: { filters: { campaign_type: { conditions: { $is: 'LOYALTY' } } } },
      },
    });
  });

  it('Stacking rules', async () => {
    const call = voucherify.POST('/management/v1/projects/{projectId}/stacking-rules', {
      ...project,
      body: { redeemables_limit: 5, redeemables_application_mode: 'PARTIAL' },
    });
    expectTypeOf<Data<typeof call>['redeemables_limit']>().toEqualTypeOf<number>();
    void voucherify.POST('/management/v1/projects/{projectId}/stacking-rules', {
      ...project,
      // @ts-expect-error: redeemables_application_mode is ALL or PARTIAL
      body: { redeemables_application_mode: 'SOME' },
    });
  });

  it('Metadata schemas', async () => {
    const call = voucherify.POST('/management/v1/projects/{projectId}/metadata-schemas', {
      ...project,
      body: { related_object: 'customer', properties: { tier: { type: 'string', optional: true } } },
    });
    expectTypeOf<Data<typeof call>['related_object']>().toEqualTypeOf<string>();
    void voucherify.POST('/management/v1/projects/{projectId}/metadata-schemas', {
      ...project,
      // @ts-expect-error: a metadata definition type must be one of the documented types
      body: { related_object: 'customer', properties: { tier: { type: 'text' } } },
    });
  });

  it('Custom event schemas', async () => {
    const call = voucherify.POST('/management/v1/projects/{projectId}/custom-event-schemas', {
      ...project,
      body: { name: 'signed_up', schema: { properties: { plan: { type: 'string' } } } },
    });
    expectTypeOf<Data<typeof call>['object']>().toEqualTypeOf<'custom-event-schema'>();
    void voucherify.POST('/management/v1/projects/{projectId}/custom-event-schemas', {
      ...project,
      // @ts-expect-error: schema is required
      body: { name: 'signed_up' },
    });
  });

  it('Webhooks', async () => {
    const call = voucherify.POST('/management/v1/projects/{projectId}/webhooks', {
      ...project,
      body: { target_url: 'https://hooks.example.com', events: ['redemption.succeeded'] },
    });
    expectTypeOf<Data<typeof call>['active']>().toEqualTypeOf<boolean>();
    void voucherify.POST('/management/v1/projects/{projectId}/webhooks', {
      ...project,
      // @ts-expect-error: events is a list
      body: { target_url: 'https://x', events: 'redemption.succeeded' },
    });
  });

  it('Brands', async () => {
    const call = voucherify.GET('/management/v1/projects/{projectId}/branding/{brandingId}', {
      params: { path: { projectId: 'proj_1', brandingId: 'brd_1' } },
    });
    expectTypeOf<Data<typeof call>['brand']['name']>().toEqualTypeOf<string>();
    void voucherify.POST('/management/v1/projects/{projectId}/branding', {
      ...project,
      // @ts-expect-error: a brand needs an address and contact details
      body: { brand: { name: 'Shop' } },
    });
  });
});

describe('Customers API', () => {
  it('Customers', async () => {
    const call = voucherify.GET('/v1/customers', {
      params: {
        query: { limit: 100, page: 2, 'created_at[after]': '2024-01-01T00:00:00Z', order: '-created_at' },
      },
    });
    // openapi-fetch wraps bodies in its own helper types, so compare by assignability both ways.
    expectTypeOf<Data<typeof call>['customers']>().toExtend<VoucherifySchemas['Customer'][]>();
    expectTypeOf<VoucherifySchemas['Customer'][]>().toExtend<Data<typeof call>['customers']>();
    // @ts-expect-error: order only accepts the documented sort keys
    void voucherify.GET('/v1/customers', { params: { query: { order: 'name' } } });
    // @ts-expect-error: a bulk update addresses customers by source_id
    void voucherify.POST('/v1/customers/bulk/async', { body: [{ name: 'No id' }] });
    const upload = voucherify.POST('/v1/customers/importCSV', { body: { file: new Blob(['source_id\n1']) } });
    expectTypeOf<Data<typeof upload>['async_action_id']>().toEqualTypeOf<string>();
    // @ts-expect-error: the CSV goes in the file field
    void voucherify.POST('/v1/customers/importCSV', { body: { csv: 'source_id\n1' } });
  });

  it('Referrals', async () => {
    const call = voucherify.POST('/v1/referrals/{campaignId}/members/{memberId}/holders', {
      params: { path: { campaignId: 'camp_1', memberId: 'v_1' } },
      body: { holders: [{ source_id: 'friend-1', email: 'friend@example.com' }] },
    });
    expectTypeOf<Data<typeof call>['holders'][number]['holder_role']>().toEqualTypeOf<
      'OWNER' | 'REFERRER' | 'REFEREE'
    >();
    // @ts-expect-error: memberId is missing
    void voucherify.GET('/v1/referrals/members/{memberId}/holders', { params: { path: {} } });
  });
});

describe('Mews Connector API', () => {
  it('Voucher codes', async () => {
    const call = mews.POST('/api/connector/v1/voucherCodes/add', {
      body: {
        VoucherCodeParameters: [{ VoucherId: 'fe568bbd-1ecb-4bb2-bf77-96c3698de20d', Value: 'SUMMER-24' }],
      },
    });
    expectTypeOf<Data<typeof call>['VoucherCodes']>().toExtend<MewsConnectorSchemas['VoucherCode'][]>();
    expectTypeOf<MewsConnectorSchemas['VoucherCode'][]>().toExtend<Data<typeof call>['VoucherCodes']>();
    void mews.POST('/api/connector/v1/voucherCodes/add', {
      // @ts-expect-error: each code needs its voucher
      body: { VoucherCodeParameters: [{ Value: 'SUMMER-24' }] },
    });
    // @ts-expect-error: codes are deleted by id list
    void mews.POST('/api/connector/v1/voucherCodes/delete', { body: { VoucherCodeIds: 'c1' } });
  });
});
