import { describe, expect, it } from 'vitest';
import { defineState } from '../../src/states/define.js';
import type { ProviderTarget } from '../../src/types.js';

const target = {} as ProviderTarget;

describe('defineState', () => {
  it('hands the verifier what setup returned when it is what the state declares', async () => {
    const state = defineState({
      pathParameters: ['projectId'],
      values: ['cursor'],
      setup: async () => ({ projectId: 'proj_1', cursor: 'c' }),
    });
    expect(await state.setup(target, {})).toEqual({ projectId: 'proj_1', cursor: 'c' });
    expect([state.pathParameters, state.values]).toEqual([['projectId'], ['cursor']]);
  });

  it('fails a setup that returns other keys than the state declares, naming both', async () => {
    const state = defineState({
      pathParameters: ['projectId'],
      // The type allows extra keys in a returned variable; the run does not.
      setup: async () => {
        const injected = { projectId: 'proj_1', project: 'proj_1' };
        return injected;
      },
    });
    await expect(state.setup(target, {})).rejects.toThrow(
      'its setup returned project, projectId, but it declares projectId',
    );
  });

  it('passes teardown what setup returned, and has none when the state removes nothing', async () => {
    const removed: unknown[] = [];
    const state = defineState({
      pathParameters: ['customerId'],
      setup: async () => ({ customerId: 'cust_1' }),
      teardown: async (_target, _params, injected) => void removed.push(injected.customerId),
    });
    await state.teardown?.(target, {}, await state.setup(target, {}));
    expect(removed).toEqual(['cust_1']);
    expect(defineState({ setup: async () => {} }).teardown).toBeUndefined();
  });
});
