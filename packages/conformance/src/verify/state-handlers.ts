/**
 * The provider states of a target as pact-js's verifier takes them: a setup that hands back the state's
 * values and a teardown that removes what it created, on real servers only (a mock is reset between
 * interactions anyway).
 */
import type { VerifierOptions } from '@pact-foundation/pact';
import type { InjectedValues, StateDefinition, StateDefinitions } from '../states/define.js';
import type { ProviderTarget } from '../types.js';

type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;
type StateHandler =
  | { setup: (params?: unknown) => Promise<InjectedValues>; teardown: (params?: unknown) => Promise<void> }
  | (() => Promise<void>);

/**
 * Handlers for the verifier. Their errors are recorded in `errors` as well, because the verifier only reports
 * the consequence (a response that does not match), not why the state could not be set up.
 */
export function stateHandlers(
  target: ProviderTarget,
  definitions: StateDefinitions,
  errors: string[],
): StateHandlers {
  const handlers: Record<string, StateHandler> = { '': async () => {} };
  const recorded = async <T>(name: string, phase: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      errors.push(`provider state "${name}" failed in ${phase}: ${(error as Error).message}`);
      throw error;
    }
  };
  for (const [name, definition] of Object.entries(definitions) as [string, StateDefinition][]) {
    let injected: InjectedValues = {};
    handlers[name] = {
      setup: (params?: unknown) =>
        recorded(name, 'setup', async () => {
          injected = await definition.setup(target, (params ?? {}) as Record<string, unknown>);
          return injected;
        }),
      teardown: (params?: unknown) =>
        recorded(name, 'teardown', async () => {
          if (target.kind === 'real')
            await definition.teardown?.(target, (params ?? {}) as Record<string, unknown>, injected);
        }),
    };
  }
  // VerifierOptions intersects pact-js's handler type with pact-core's, which lacks the setup/teardown form
  // that pact-js accepts and calls.
  return handlers as StateHandlers;
}
