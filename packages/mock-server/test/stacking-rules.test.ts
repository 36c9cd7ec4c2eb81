import { describe, expect, it } from 'vitest';
import { collectionCalls, home, other, twoProjects } from './fixtures/project-collections.js';
import { schemaErrors, specExample, useMock } from './helpers.js';

const mock = useMock({ seed: twoProjects });
const { create, list, get, update, remove } = collectionCalls(mock, 'stacking-rules');
/** The built-in defaults, as the spec's example of a project without custom rules shows them. */
const defaults = specExample<{ data: object[] }>('StackingRulesList').data[0];

describe('listStackingRules', () => {
  it('returns the built-in defaults, without id, until custom rules are created', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'StackingRulesList', res.body)).toBeUndefined();
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [defaults], total: 1 });
    expect(res.body.data[0]).not.toHaveProperty('id');
  });
});

describe('createStackingRules', () => {
  it('saves custom rules, filling the settings left out from the defaults', async () => {
    const body = {
      exclusive_categories: ['cat_excl'],
      redeemables_limit: 10,
      applicable_redeemables_limit: 3,
      discount_calculation_mode: 'DISCOUNTED_AMOUNT',
    };
    const res = await create(body);
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'StackingRules', res.body)).toBeUndefined();
    expect(res.body).toEqual({ ...defaults, ...body, id: res.body.id, created_at: res.body.created_at });
    expect(res.body.id).toMatch(/^stkr_[A-Za-z0-9]{24}$/);
    expect(res.body).not.toHaveProperty('updated_at');
  });

  it('ignores keys that are not settings', async () => {
    const res = await create({ redeemables_limit: 12, id: 'stkr_mine', surprise: true });
    expect(res.status).toBe(200);
    expect(res.body.id).not.toBe('stkr_mine');
    expect(res.body).not.toHaveProperty('surprise');
  });

  it('makes the custom rules the ones listed, and only in their project', async () => {
    const created = await create({ redeemables_limit: 10 });
    expect((await list()).body).toEqual({ object: 'list', data_ref: 'data', data: [created.body], total: 1 });
    expect((await list(other)).body.data).toEqual([defaults]);
  });

  it('409s when the project already has custom rules', async () => {
    const first = await create({});
    const again = await create({ redeemables_limit: 5 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 409, key: 'duplicate_found' });
    expect(again.body.details).toContain(first.body.id);
    expect((await list()).body.data).toEqual([first.body]);
  });

  it('rejects an applicable limit above the redeemables limit, including one left at its default', async () => {
    const res = await create({ redeemables_limit: 2, applicable_redeemables_limit: 3 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ key: 'invalid_payload' });
    expect(res.body.details).toBe('applicable_redeemables_limit: must not exceed redeemables_limit (2)');
    // The default applicable limit (5) exceeds 4.
    expect((await create({ redeemables_limit: 4 })).status).toBe(400);
    expect((await list()).body.data).toEqual([defaults]);
  });

  it('rejects categories that are both skipped and redeemed anyway', async () => {
    const res = await create({
      no_effect_skip_categories: ['cat_a', 'cat_b'],
      no_effect_redeem_anyway_categories: ['cat_b'],
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe(
      'no_effect_redeem_anyway_categories: must not share entries with no_effect_skip_categories (cat_b)',
    );
  });
});

describe('updateStackingRules', () => {
  it('changes the settings sent, replaces arrays whole, keeps the rest and sets updated_at', async () => {
    const created = await create({
      exclusive_categories: ['cat_a', 'cat_b'],
      redeemables_limit: 10,
      applicable_redeemables_limit: 3,
    });
    const res = await update(created.body.id, {
      exclusive_categories: ['cat_c'],
      applicable_redeemables_category_limits: { cat_c: 1 },
      redeemables_no_effect_rule: 'SKIP',
    });
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'StackingRules', res.body)).toBeUndefined();
    expect(res.body).toEqual({
      ...created.body,
      exclusive_categories: ['cat_c'],
      applicable_redeemables_category_limits: { cat_c: 1 },
      redeemables_no_effect_rule: 'SKIP',
      updated_at: res.body.updated_at,
    });
    expect(Date.parse(res.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.created_at));
    expect((await get(created.body.id)).body).toEqual(res.body);
    expect((await list()).body.data).toEqual([res.body]);
  });

  it('keeps id and created_at', async () => {
    const created = await create({});
    const res = await update(created.body.id, { id: 'stkr_other', created_at: '2000-01-01T00:00:00.000Z' });
    expect(res.body).toMatchObject({ id: created.body.id, created_at: created.body.created_at });
  });

  it('checks the merged rules and leaves them unchanged when they are inconsistent', async () => {
    const created = await create({ redeemables_limit: 10, applicable_redeemables_limit: 3 });
    const res = await update(created.body.id, { redeemables_limit: 2 });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('applicable_redeemables_limit: must not exceed redeemables_limit (2)');
    expect((await get(created.body.id)).body).toEqual(created.body);
  });
});

describe('deleteStackingRules', () => {
  it('brings the defaults back, and new rules can be created', async () => {
    const created = await create({ redeemables_limit: 10 });
    expect((await remove(created.body.id)).status).toBe(204);
    expect((await list()).body.data).toEqual([defaults]);
    expect((await create({})).status).toBe(200);
  });
});

describe('seeded stacking rules', () => {
  it('are served like created ones', async () => {
    const custom = specExample<{ id: string }>('StackingRulesCustom');
    mock.server.seed({ voucherify: { stackingRules: [{ ...custom, project_id: home }] } });
    expect((await list()).body.data).toEqual([custom]);
    expect((await get(custom.id)).body).toEqual(custom);
    expect((await create({})).status).toBe(409);
  });
});
