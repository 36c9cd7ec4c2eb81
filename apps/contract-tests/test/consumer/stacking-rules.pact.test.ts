import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import { successInteraction } from './interactions.js';
import { invalidBodyInteraction } from './shared-interactions.js';
import { createPact, requestExample, states } from './support.js';

type Settings = VoucherifySchemas['StackingRulesSettings'];

// Invalid keys, unknown projects and items, deletion and duplicates: project-collections.pact.test.ts.
const pact = createPact('voucherify');

const createBody = requestExample<Settings>('voucherify', 'createStackingRules');
const updateBody = requestExample<Settings>('voucherify', 'updateStackingRules');

describe('Stacking rules', () => {
  it('listStackingRules: lists the defaults of a project without custom rules', () =>
    successInteraction(pact, 'listStackingRules', {
      given: states.projectExists,
      description: 'the defaults of a project without custom rules',
      matcher: { nonEmpty: ['data'] },
      check: (list) => {
        expect(list.data).toHaveLength(1);
        expect(list.data[0]?.id).toBeUndefined();
        expect(list.data[0]?.redeemables_limit).toBeGreaterThan(0);
      },
    }));

  it('listStackingRules: lists the custom rules of a project that has them', () =>
    successInteraction(pact, 'listStackingRules', {
      given: states.projectWithStackingRules,
      description: 'the custom rules of a project that has them',
      // The one item is then the custom rules, as the other operations return them.
      matcher: {
        include: ['data[].id', 'data[].created_at'],
        nonEmpty: ['data'],
        values: { data: [responseContract('voucherify', 'getStackingRules', 200).example] },
      },
      check: (list) => {
        expect(list.data).toHaveLength(1);
        expect(list.data[0]?.id).toBeTruthy();
        expect(list.data[0]?.created_at).toBeTruthy();
      },
    }));

  it('createStackingRules: creates custom rules with every setting filled in', () =>
    successInteraction(pact, 'createStackingRules', {
      given: states.projectExists,
      description: 'the documented custom rules',
      matcher: { values: createBody },
      check: (rules) => {
        expect(rules.id).toBeTruthy();
        expect(rules.created_at).toBeTruthy();
        expect(rules).toMatchObject({
          redeemables_limit: createBody.redeemables_limit,
          discount_calculation_mode: createBody.discount_calculation_mode,
        });
        // Settings left out are filled in with their defaults.
        expect(rules.redeemables_no_effect_rule).toBeDefined();
        expect(rules.no_effect_skip_categories).toBeDefined();
      },
    }));

  it('createStackingRules: rejects a redeemables_limit below its minimum', () =>
    invalidBodyInteraction(pact, 'voucherify', 'createStackingRules', {
      given: states.projectExists,
      description: 'a redeemables_limit of 0',
      body: { ...createBody, redeemables_limit: 0 },
    }));

  it('getStackingRules: returns the custom rules of a project', () =>
    successInteraction(pact, 'getStackingRules', {
      given: states.projectWithStackingRules,
      description: 'existing custom rules',
      check: (rules, params) => {
        expect(rules.id).toBe(params.stackingRulesId);
        expect(rules.created_at).toBeTruthy();
        expect(rules.redeemables_limit).toBeGreaterThan(0);
      },
    }));

  it('updateStackingRules: changes the settings it is sent and keeps the rest', () =>
    successInteraction(pact, 'updateStackingRules', {
      given: states.projectWithStackingRules,
      description: 'the documented settings change',
      matcher: { values: updateBody },
      check: (rules, params) => {
        expect(rules.id).toBe(params.stackingRulesId);
        expect(rules.updated_at).toBeTruthy();
        expect(rules).toMatchObject({
          redeemables_no_effect_rule: updateBody.redeemables_no_effect_rule,
          applicable_redeemables_per_category_limit: updateBody.applicable_redeemables_per_category_limit,
        });
        // Settings not sent keep the values the rules were created with.
        expect(rules.redeemables_limit).toBeGreaterThan(0);
      },
    }));

  it('updateStackingRules: rejects an unknown no-effect rule', () =>
    invalidBodyInteraction(pact, 'voucherify', 'updateStackingRules', {
      given: states.projectWithStackingRules,
      description: 'a redeemables_no_effect_rule outside its enum',
      body: { ...updateBody, redeemables_no_effect_rule: 'NEVER' },
    }));
});
