import { MatchersV3 } from '@pact-foundation/pact';
import { loadBundle, type SchemaObject } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { matcherFor, requestExample, requestPath, responseMatcher } from '../../src/spec-matchers.js';

const reify = (matcher: unknown) => MatchersV3.reify(matcher as never);

describe('spec-derived matchers', () => {
  it('asserts required properties by type and optional ones only when asked', () => {
    const matcher = responseMatcher('voucherify', 'getCustomer', 200) as Record<string, unknown>;
    expect(Object.keys(matcher).sort()).toEqual(['loyalty', 'object', 'referrals', 'summary']);
    const withName = responseMatcher('voucherify', 'getCustomer', 200, { include: ['name'] }) as Record<
      string,
      unknown
    >;
    expect(withName.name).toEqual(MatchersV3.string('Alice Morgan'));
  });

  it('turns formats and enums into regex matchers and integers into integer matchers', () => {
    const matcher = responseMatcher('mews-connector', 'getAllVoucherCodes', 200, {
      include: ['VoucherCodes[].CreatedUtc'],
    });
    const item = (
      matcher as {
        VoucherCodes: { value: Record<string, { 'pact:matcher:type': string; regex?: string }>[] };
      }
    ).VoucherCodes.value[0];
    expect(item?.Id?.['pact:matcher:type']).toBe('regex'); // uuid
    expect(item?.ActivityState?.regex).toBe('^(Active|Deleted)$');
    expect(item?.CreatedUtc?.regex).toContain('T\\d{2}:\\d{2}:\\d{2}');
    const orders = (
      responseMatcher('voucherify', 'getCustomer', 200) as { summary: { orders: Record<string, unknown> } }
    ).summary.orders;
    expect(orders.total_count).toEqual(MatchersV3.integer(4));
  });

  it('lets arrays be empty unless the consumer needs items, and skips free-form maps', () => {
    const doc = loadBundle('voucherify');
    const schema = { $ref: '#/components/schemas/Customer' } as SchemaObject;
    const example = {
      object: 'customer',
      summary: null,
      loyalty: null,
      referrals: {
        total: 0,
        campaigns: [
          {
            campaign_id: 'c',
            referrer_id: 'r',
            related_object_id: 'o',
            related_object_type: 't',
            date: '2024-01-01T00:00:00Z',
          },
        ],
      },
      metadata: { any: 1 },
    };
    const loose = matcherFor(doc, schema, example, { include: ['metadata'] }) as {
      referrals: { campaigns: { min: number } };
      metadata: unknown;
    };
    expect(loose.referrals.campaigns.min).toBe(0);
    expect(loose.metadata).toEqual({});
    const strict = matcherFor(doc, schema, example, { nonEmpty: ['referrals.campaigns'] }) as {
      referrals: { campaigns: { min: number } };
    };
    expect(strict.referrals.campaigns.min).toBe(1);
  });

  it('reifies to the documented example values', () => {
    expect(reify(responseMatcher('voucherify', 'getCustomer', 404, { include: ['key'] }))).toEqual({
      code: 404,
      key: 'not_found',
      message: 'Resource not found',
    });
  });

  it('reads request examples from the spec and fails clearly when there is none', () => {
    expect(requestExample<{ source_id: string }>('voucherify', 'createCustomer').source_id).toBe(
      'crm-000417',
    );
    expect(() => requestExample('voucherify', 'getCustomer')).toThrow(
      'voucherify:getCustomer documents no application/json request example',
    );
  });

  it('asserts an optional object when a property inside it is asked for', () => {
    const matcher = responseMatcher('voucherify', 'createProject', 200, {
      include: ['server_side_key.app_token'],
    }) as { server_side_key?: Record<string, unknown> };
    expect(Object.keys(matcher.server_side_key ?? {})).toContain('app_token');
    expect(Object.keys(responseMatcher('voucherify', 'createProject', 200) as object)).not.toContain(
      'server_side_key',
    );
  });

  it('builds request paths with provider-state ids, or literal ones where given', () => {
    const fromState = requestPath('voucherify', '/management/v1/projects/{projectId}/webhooks/{webhookId}');
    expect(fromState.params).toEqual({
      projectId: expect.stringMatching(/^proj_/),
      webhookId: expect.stringMatching(/^wh_/),
    });
    expect(fromState.path).toMatchObject({
      'pact:matcher:type': 'type',
      'pact:generator:type': 'ProviderState',
      expression: '/management/v1/projects/${projectId}/webhooks/${webhookId}',
      value: `/management/v1/projects/${fromState.params.projectId}/webhooks/${fromState.params.webhookId}`,
    });
    const mixed = requestPath('voucherify', '/management/v1/projects/{projectId}/webhooks/{webhookId}', {
      webhookId: 'wh_missing',
    });
    expect(mixed.path).toMatchObject({
      expression: '/management/v1/projects/${projectId}/webhooks/wh_missing',
    });
    expect(requestPath('voucherify', '/v1/customers/{customerId}', { customerId: 'a b' }).path).toBe(
      '/v1/customers/a%20b',
    );
    expect(() => requestPath('voucherify', '/v1/nowhere')).toThrow('voucherify has no path /v1/nowhere');
  });

  it('matches the properties named exact by equality, including inside list items', () => {
    const matcher = responseMatcher('voucherify', 'getCustomer', 404, {
      exact: ['resource_type'],
      values: { resource_type: 'customer' },
    }) as Record<string, unknown>;
    expect(matcher.resource_type).toEqual(MatchersV3.equal('customer'));
    expect(matcher.code).toEqual(MatchersV3.integer(404));
    const list = responseMatcher('voucherify', 'listCampaignTemplates', 200, {
      include: ['data'],
      exact: ['data[].campaign_type'],
    }) as { data: { value: Record<string, unknown>[] } };
    expect(list.data.value[0]?.campaign_type).toMatchObject({ 'pact:matcher:type': 'equality' });
  });
});
