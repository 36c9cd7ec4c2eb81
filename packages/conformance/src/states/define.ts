/**
 * `defineState`: a provider state's handlers, with the values it hands the verifier declared up front. A pact
 * path such as `/management/v1/projects/${projectId}/branding/${brandingId}` is filled in from what the
 * state's setup returns, and the consumer side names those expressions after the spec's path parameters
 * (`requestPath` in the contract tests). So a state declares the path parameters it fills in, typed as the
 * spec's own names (a parameter the spec renames no longer type-checks), and any other values pacts take
 * from it; its setup must return exactly those keys, which is checked when it runs.
 */
import type { MewsConnectorPaths, VoucherifyPaths } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../types.js';
import type { ProviderStateName } from './names.js';

/** The names of a path template's parameters: `'/a/{x}/b/{y}'` → `'x' | 'y'`. */
type ParametersOf<Template> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParametersOf<Rest>
  : never;

/** A path parameter as the spec names it (`projectId`, `customerId`, …), from the bundles' types. */
export type PathParameter = ParametersOf<keyof VoucherifyPaths> | ParametersOf<keyof MewsConnectorPaths>;

/** A value a state hands to the verifier, to replace a `fromProviderState` expression in the pact. */
export type InjectedValue = string | number | boolean | string[];
export type InjectedValues = Record<string, InjectedValue>;
/** The parameters a pact gives a state (`given(name, params)`). */
export type StateParams = Record<string, unknown>;

/** A string parameter the pact gave the state, or `undefined`. */
export function stringParam(params: StateParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** What pacts take from a state: the path parameters it fills in and any other values. */
type Injected<Path extends string, Value extends string> = Record<NoInfer<Path | Value>, InjectedValue>;

export interface StateSpec<Path extends PathParameter, Value extends string> {
  /** Set when only a mock can set the state up: the reason, reported when it is skipped on a real server. */
  mockOnly?: string;
  /** The path parameters the state fills in, named as in the spec. */
  pathParameters?: readonly Path[];
  /** Other values pacts take from the state (a cursor, a login, an id in a body). */
  values?: readonly Value[];
  setup(
    target: ProviderTarget,
    params: StateParams,
  ): Promise<[Path | Value] extends [never] ? void : Injected<Path, Value>>;
  /**
   * Removes what `setup` created, so verifying against a real account leaves it as it was; gets what setup
   * returned. Runs only against real servers: a mock is reset between interactions anyway.
   */
  teardown?(target: ProviderTarget, params: StateParams, injected: Injected<Path, Value>): Promise<void>;
}

/** A state as the verifier runs it. */
export interface StateDefinition {
  mockOnly?: string;
  pathParameters: readonly string[];
  values: readonly string[];
  setup(target: ProviderTarget, params: StateParams): Promise<InjectedValues>;
  teardown?(target: ProviderTarget, params: StateParams, injected: InjectedValues): Promise<void>;
}

export type StateDefinitions = Partial<Record<ProviderStateName, StateDefinition>>;

export function defineState<const Path extends PathParameter = never, const Value extends string = never>(
  spec: StateSpec<Path, Value>,
): StateDefinition {
  const pathParameters = spec.pathParameters ?? [];
  const values = spec.values ?? [];
  const declared = [...pathParameters, ...values].sort().join(', ') || 'nothing';
  const { teardown } = spec;
  return {
    ...(spec.mockOnly ? { mockOnly: spec.mockOnly } : {}),
    pathParameters,
    values,
    async setup(target, params) {
      const injected: InjectedValues = (await spec.setup(target, params)) ?? {};
      const returned = Object.keys(injected).sort().join(', ') || 'nothing';
      if (returned !== declared)
        throw new Error(`its setup returned ${returned}, but it declares ${declared}`);
      return injected;
    },
    ...(teardown
      ? {
          teardown: (target, params, injected) => teardown(target, params, injected as Injected<Path, Value>),
        }
      : {}),
  };
}
