/**
 * The provider states against the pacts this package ships and against the bundled spec: every state a pact
 * names is defined and every defined state is used; a state fills in path parameters the spec has; and every
 * `fromProviderState` expression a pact holds is a value one of its interaction's states declares, standing
 * where the spec's path has the parameter of that name.
 */
import { type ApiId, apiIds, listOperations, operationRouter } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import type { StateDefinition } from '../../src/states/define.js';
import { findState, providerStates } from '../../src/states/index.js';
import { providerStateNames } from '../../src/states/names.js';
import type { PactInteraction } from '../../src/types.js';
import { shippedPact } from '../shipped.js';

type Generators = Record<
  string,
  { expression?: string; type?: string } | Record<string, { expression?: string }>
>;

/** Every provider-state expression of an interaction's request, by where it stands (`path`, `query`, `body`). */
function expressionsOf(interaction: PactInteraction): { where: string; expression: string }[] {
  const generators = (interaction.request as { generators?: Generators }).generators ?? {};
  return Object.entries(generators).flatMap(([where, generator]) =>
    'expression' in generator
      ? [{ where, expression: String(generator.expression) }]
      : Object.values(generator as Record<string, { expression?: string }>).map((g) => ({
          where,
          expression: String(g.expression),
        })),
  );
}

const names = (expression: string) => [...expression.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] ?? '');

describe.each(apiIds as readonly ApiId[])('%s provider states', (provider) => {
  const defined = Object.entries(providerStates[provider]) as [string, StateDefinition][];

  it('are exactly the states the shipped pact names', async () => {
    const pact = await shippedPact(provider);
    const used = new Set(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)));
    expect([...used].sort()).toEqual(defined.map(([name]) => name).sort());
  });

  it('fill in only path parameters the spec has', () => {
    const parameters = new Set(
      listOperations(provider).flatMap((op) =>
        op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
      ),
    );
    for (const [name, state] of defined)
      expect({ name, unknown: state.pathParameters.filter((p) => !parameters.has(p)) }).toEqual({
        name,
        unknown: [],
      });
  });

  it('declare every value the pact takes from them, in the path where the spec names it', async () => {
    const pact = await shippedPact(provider);
    const problems: string[] = [];
    for (const interaction of pact.interactions) {
      const states = (interaction.providerStates ?? []).map((s) => findState(provider, s.name));
      const pathParameters = new Set(states.flatMap((state) => state?.pathParameters ?? []));
      const values = new Set(states.flatMap((state) => state?.values ?? []));
      for (const { where, expression } of expressionsOf(interaction)) {
        for (const name of names(expression))
          if (!pathParameters.has(name) && !values.has(name))
            problems.push(`${interaction.description}: no state of it declares \${${name}} (${where})`);
        if (where !== 'path') continue;
        const { method, path } = interaction.request;
        const template = operationRouter(provider).find(method, path)?.operation.path ?? '';
        const segments = template.split('/');
        expression.split('/').forEach((segment, index) => {
          const [name] = names(segment);
          const parameter = /^\{(\w+)\}$/.exec(segments[index] ?? '')?.[1];
          // A declared value may stand for a parameter (the owner's login as `{userId}`); a path parameter only
          // for its own name.
          if (name && pathParameters.has(name) && name !== parameter)
            problems.push(
              `${interaction.description}: \${${name}} stands where ${template} has {${parameter}}`,
            );
        });
      }
    }
    expect(problems).toEqual([]);
  });
});

it('every provider-state name is defined for one provider', () => {
  const definedNames = apiIds.flatMap((provider) => Object.keys(providerStates[provider]));
  expect(definedNames.sort()).toEqual(Object.values(providerStateNames).sort());
});
