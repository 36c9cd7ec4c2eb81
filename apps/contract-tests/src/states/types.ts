import type { ProviderTarget } from '../target.js';

export interface StateDefinition {
  /** Set when the state can only be created through the mock's admin endpoints: the reason. */
  mockOnly?: string;
  setup(target: ProviderTarget, params: Record<string, unknown>): Promise<void>;
}

export type StateDefinitions = Record<string, StateDefinition>;
