import type { ProviderTarget } from '../target.js';

/** Values a state hands to the verifier, to replace `fromProviderState` expressions in the pact. */
export type InjectedValues = Record<string, string | number | boolean | string[]>;

export interface StateDefinition {
  /** Set when the state can only be created through the mock's admin endpoints: the reason. */
  mockOnly?: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: a state that creates nothing to refer to returns nothing
  setup(target: ProviderTarget, params: Record<string, unknown>): Promise<InjectedValues | void>;
  /**
   * Removes what `setup` created, so verifying against a real account leaves it as it was. Gets what setup
   * returned. The mock is reset between interactions anyway.
   */
  teardown?(target: ProviderTarget, params: Record<string, unknown>, injected: InjectedValues): Promise<void>;
}

export type StateDefinitions = Record<string, StateDefinition>;
