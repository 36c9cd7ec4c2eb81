import { describe, expect, it } from 'vitest';
import type { Handler } from '../../src/api.js';
import { HttpError, type MockResponse } from '../../src/http.js';
import { act, formatBytes } from '../../src/pipeline/act.js';
import { type Customer, createState } from '../../src/state.js';
import { contextFor } from './fixtures.js';

const customer = (id: string, note = '') =>
  ({ id, source_id: id, name: note, object: 'customer' }) as Customer;

/** A state holding one customer, written before any request. */
function stateWithOne() {
  const state = createState();
  state.customers.set('cust_kept', customer('cust_kept'));
  return state;
}

/** A handler that stores a customer, then answers or fails as told. */
const storing =
  (then: () => MockResponse): Handler =>
  (ctx) => {
    ctx.state.customers.set('cust_new', customer('cust_new'));
    ctx.state.customers.delete('cust_kept');
    return then();
  };

const passOn = (response: MockResponse) => response;
const roomy = { maxStateBytes: 1024 * 1024 };

function run(state: ReturnType<typeof createState>, handler: Handler, complete = passOn, limits = roomy) {
  return act(contextFor(state, 'voucherify', 'createCustomer'), handler, limits, complete);
}

/** What a state holds, to compare before and after. */
const contents = (state: ReturnType<typeof createState>) => ({
  ids: [...state.customers.keys()],
  bytes: state.journal.bytes,
});

describe('act', () => {
  it('keeps the changes of a request answered below 400', () => {
    const state = stateWithOne();
    expect(
      run(
        state,
        storing(() => ({ status: 201 })),
      ),
    ).toEqual({ status: 201 });
    expect([...state.customers.keys()]).toEqual(['cust_new']);
    expect(state.journal.open).toBe(false);
  });

  it('undoes the changes of a request answered 400 or above', () => {
    const state = stateWithOne();
    const before = contents(state);
    expect(
      run(
        state,
        storing(() => ({ status: 404 })),
      ).status,
    ).toBe(404);
    expect(contents(state)).toEqual(before);
    expect(state.journal.open).toBe(false);
  });

  it('undoes everything and passes the error on when the handler throws midway', () => {
    const state = stateWithOne();
    const before = contents(state);
    const failure = new Error('boom');
    expect(() =>
      run(
        state,
        storing(() => {
          throw failure;
        }),
      ),
    ).toThrow(failure);
    expect(contents(state)).toEqual(before);
    expect(state.journal.open).toBe(false);
  });

  it('undoes everything when completing the response fails (a response check, serialising)', () => {
    const state = stateWithOne();
    const before = contents(state);
    const broken = () => {
      throw new HttpError(500, 'Mock response breaks the spec');
    };
    expect(() =>
      run(
        state,
        storing(() => ({ status: 200 })),
        broken,
      ),
    ).toThrow(HttpError);
    expect(contents(state)).toEqual(before);
  });

  it('answers 413 for a request that would grow the state past its limit, keeping nothing of it', () => {
    const state = stateWithOne();
    const before = contents(state);
    const grow: Handler = (ctx) => {
      ctx.state.customers.set('cust_big', customer('cust_big', 'x'.repeat(2000)));
      return { status: 200 };
    };
    expect(() => run(state, grow, passOn, { maxStateBytes: 1000 })).toThrow(
      expect.objectContaining({
        status: 413,
        details:
          "Storing this would take the mock's state past its limit of 1000 bytes (maxStateBytes, --max-state-mb); " +
          'reset the state or raise the limit.',
      }),
    );
    expect(contents(state)).toEqual(before);
  });

  it('lets a state over its limit shrink', () => {
    const state = stateWithOne();
    state.customers.set('cust_big', customer('cust_big', 'x'.repeat(2000)));
    const shrink: Handler = (ctx) => {
      ctx.state.customers.delete('cust_big');
      return { status: 204 };
    };
    expect(run(state, shrink, passOn, { maxStateBytes: 10 }).status).toBe(204);
    expect(state.customers.has('cust_big')).toBe(false);
  });
});

describe('formatBytes', () => {
  it('says MiB from one MiB up, bytes below', () => {
    expect(formatBytes(128 * 1024 * 1024)).toBe('128 MiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
