import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import { dataList, projectCollection, timestamp } from './resource-helpers.js';

type Settings = VoucherifySchemas['StackingRulesSettings'];
type InEffect = VoucherifySchemas['StackingRulesInEffect'];
/** Custom rules as stored: the rules in effect, with the id and creation time they get. */
type CustomRules = VoucherifySchemas['StackingRules'];

/** The built-in rules of a project without custom ones: those of the spec's `StackingRulesList` example. */
function defaultRules(): InEffect {
  return {
    exclusive_categories: [],
    joint_categories: [],
    redeemables_limit: 30,
    applicable_redeemables_limit: 5,
    applicable_redeemables_per_category_limit: null,
    applicable_redeemables_category_limits: {},
    applicable_exclusive_redeemables_limit: 1,
    applicable_exclusive_redeemables_per_category_limit: null,
    discount_calculation_mode: 'INITIAL_AMOUNT',
    initial_amount_mode_categories: [],
    discounted_amount_mode_categories: [],
    redeemables_application_mode: 'ALL',
    redeemables_sorting_rule: 'REQUESTED_ORDER',
    redeemables_products_application_mode: 'STACK',
    redeemables_no_effect_rule: 'REDEEM_ANYWAY',
    no_effect_skip_categories: [],
    no_effect_redeem_anyway_categories: [],
    redeemables_rollback_order_mode: 'WITH_ORDER',
  };
}

const settingNames = Object.keys(defaultRules()) as (keyof Settings)[];

/** The settings of a request body; keys the schema does not know are dropped rather than stored. */
function settingsFrom(body: unknown): Settings {
  const input = body as Settings;
  return Object.fromEntries(
    settingNames.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]),
  );
}

/** Each project has at most one set of custom rules. */
const customRules = projectCollection((state) => state.stackingRules, 'stackingRulesId', 'stacking_rules');

/** The cross-field rules the settings' descriptions state, checked on the merged result. */
function checkConsistency(rules: InEffect): void {
  if (rules.applicable_redeemables_limit > rules.redeemables_limit) {
    throw new HttpError(
      400,
      'Invalid payload',
      `applicable_redeemables_limit: must not exceed redeemables_limit (${rules.redeemables_limit})`,
    );
  }
  const shared = rules.no_effect_skip_categories.filter((category) =>
    rules.no_effect_redeem_anyway_categories.includes(category),
  );
  if (shared.length > 0) {
    throw new HttpError(
      400,
      'Invalid payload',
      `no_effect_redeem_anyway_categories: must not share entries with no_effect_skip_categories (${shared.join(', ')})`,
    );
  }
}

const createStackingRules: Handler = (ctx) => {
  const [existing] = customRules.inProject(ctx).values();
  if (existing) {
    throw new HttpError(
      409,
      'Duplicated resource found',
      `Project ${ctx.params.path.projectId} already has custom stacking rules ${existing.id}; update them instead`,
    );
  }
  const created: CustomRules = {
    id: voucherifyId('stkr'),
    ...defaultRules(),
    ...settingsFrom(ctx.body),
    created_at: timestamp(),
  };
  checkConsistency(created);
  return customRules.save(ctx, created);
};

// Lists the single set in effect: the custom rules when there are some, otherwise the defaults.
const listStackingRules: Handler = (ctx) => {
  const [custom] = customRules.inProject(ctx).values();
  return { status: 200, body: dataList([custom ?? defaultRules()]) };
};

// Settings sent replace the stored ones (arrays as a whole); the rest are kept.
const updateStackingRules: Handler = (ctx) => {
  const updated: CustomRules = {
    ...customRules.item(ctx),
    ...settingsFrom(ctx.body),
    updated_at: timestamp(),
  };
  checkConsistency(updated);
  return customRules.save(ctx, updated);
};

export const stackingRulesHandlers: Record<string, Handler> = {
  createStackingRules,
  listStackingRules,
  getStackingRules: customRules.get,
  updateStackingRules,
  deleteStackingRules: customRules.delete,
};
