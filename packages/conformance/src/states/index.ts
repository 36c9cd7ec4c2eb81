/** Every provider state, per provider; each resource's consumer tests bring their own module. */
import type { ApiId } from '@vouchspec/spec';
import type { StateDefinition, StateDefinitions } from './define.js';
import { states as voucherCodes } from './mews-connector.js';
import { states as campaignTemplates } from './voucherify/campaign-templates.js';
import { states as customerActivity } from './voucherify/customer-activity.js';
import { states as customers } from './voucherify/customers.js';
import { states as projectItems } from './voucherify/project-items.js';
import { states as projects } from './voucherify/projects.js';
import { states as referrals } from './voucherify/referrals.js';
import { states as users } from './voucherify/users.js';

function merge(...modules: StateDefinitions[]): StateDefinitions {
  const merged: StateDefinitions = {};
  for (const module of modules) {
    for (const [name, definition] of Object.entries(module) as [keyof StateDefinitions, StateDefinition][]) {
      if (merged[name]) throw new Error(`Provider state "${name}" is defined twice`);
      merged[name] = definition;
    }
  }
  return merged;
}

export const providerStates: Record<ApiId, StateDefinitions> = {
  voucherify: merge(projects, projectItems, users, campaignTemplates, customers, customerActivity, referrals),
  'mews-connector': voucherCodes,
};

/** The state a pact names, when the suite defines one by that name (a pact may name any string). */
export function findState(provider: ApiId, name: string): StateDefinition | undefined {
  return (providerStates[provider] as Record<string, StateDefinition | undefined>)[name];
}
