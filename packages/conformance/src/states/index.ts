/** Every provider state, per provider; each resource's consumer tests bring their own module. */
import type { ApiId } from '@vouchspec/spec';
import { states as voucherCodes } from './mews-connector.js';
import type { StateDefinitions } from './types.js';
import { states as brands } from './voucherify/brands.js';
import { states as campaignTemplates } from './voucherify/campaign-templates.js';
import { states as customEventSchemas } from './voucherify/custom-event-schemas.js';
import { states as customerActivity } from './voucherify/customer-activity.js';
import { states as customers } from './voucherify/customers.js';
import { states as metadataSchemas } from './voucherify/metadata-schemas.js';
import { states as projects } from './voucherify/projects.js';
import { states as referrals } from './voucherify/referrals.js';
import { states as stackingRules } from './voucherify/stacking-rules.js';
import { states as users } from './voucherify/users.js';
import { states as webhooks } from './voucherify/webhooks.js';

function merge(...modules: StateDefinitions[]): StateDefinitions {
  const merged: StateDefinitions = {};
  for (const module of modules) {
    for (const [name, definition] of Object.entries(module)) {
      if (merged[name]) throw new Error(`Provider state "${name}" is defined twice`);
      merged[name] = definition;
    }
  }
  return merged;
}

export const providerStates: Record<ApiId, StateDefinitions> = {
  voucherify: merge(
    projects,
    users,
    campaignTemplates,
    stackingRules,
    metadataSchemas,
    customEventSchemas,
    webhooks,
    brands,
    customers,
    customerActivity,
    referrals,
  ),
  'mews-connector': voucherCodes,
};
