/** Every provider state, per provider; each resource's consumer tests bring their own module. */
import type { ApiId } from '@vouchspec/spec';
import { mewsConnectorStates } from './mews-connector.js';
import type { StateDefinitions } from './types.js';
import { states as customers } from './voucherify/customers.js';
import { states as projects } from './voucherify/projects.js';
import { states as referrals } from './voucherify/referrals.js';
import { states as settings } from './voucherify/settings.js';
import { states as users } from './voucherify/users.js';

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
  voucherify: merge(projects, users, settings, customers, referrals),
  'mews-connector': mewsConnectorStates,
};
