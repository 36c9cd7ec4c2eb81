import type { ProviderTarget } from '../target.js';

/** Values a state hands to the verifier, to replace `fromProviderState` expressions in the pact. */
export type InjectedValues = Record<string, string | number | boolean | string[]>;

export interface StateDefinition {
  /** Set when the state can only be created through the mock's admin endpoints: the reason. */
  mockOnly?: string;
  setup(target: ProviderTarget, params: Record<string, unknown>): Promise<InjectedValues | void>;
}

export type StateDefinitions = Record<string, StateDefinition>;
