/**
 * The bounds on worlds: a count limit, and idle worlds making room for new ones. Time is an injected clock
 * for the registry and Vitest's fake Date for the server, so nothing waits on the wall clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer } from '../../src/server.js';
import { Worlds } from '../../src/worlds/registry.js';

const minute = 60_000;

describe('Worlds', () => {
  let now = 0;
  const worlds = () => new Worlds({ maxWorlds: 3, worldIdleMs: 10 * minute }, () => now);

  it('refuses a world past the limit while every other one is in use, and loses nothing', () => {
    now = 0;
    const registry = worlds();
    registry.use('a').customers.set('c1', { id: 'c1' } as never);
    registry.use('b');
    now = 9 * minute;
    expect(() => registry.use('c')).toThrow(
      expect.objectContaining({
        status: 503,
        details: expect.stringMatching(/limit of 3 worlds \(maxWorlds, --max-worlds\)/),
      }),
    );
    expect(registry.list().map((world) => world.name)).toEqual(['default', 'a', 'b']);
    expect(registry.use('a').customers.size).toBe(1);
  });

  it('drops the least recently used world idle long enough to make room', () => {
    now = 0;
    const registry = worlds();
    registry.use('a');
    registry.use('b');
    now = 5 * minute;
    registry.use('a');
    now = 11 * minute;
    expect(() => registry.use('c')).not.toThrow();
    expect(registry.list().map((world) => world.name)).toEqual(['default', 'a', 'c']);
    // 'a' was used 6 minutes ago: not idle long enough to go for 'd'.
    expect(() => registry.use('d')).toThrow(expect.objectContaining({ status: 503 }));
  });

  it('never drops the default world, however idle', () => {
    now = 0;
    const registry = worlds();
    const initial = registry.default;
    registry.use('a');
    registry.use('b');
    now = 60 * minute;
    registry.use('c');
    registry.use('d');
    expect(registry.list().map((world) => world.name)).toEqual(['default', 'c', 'd']);
    expect(registry.use('default')).toBe(initial);
  });

  it('lists each world with its record count, size and idle time', () => {
    now = 0;
    const registry = worlds();
    registry.use('a').customers.set('c1', { id: 'c1' } as never);
    now = 2 * minute;
    expect(registry.list().find((world) => world.name === 'a')).toEqual({
      name: 'a',
      records: 1,
      bytes: expect.any(Number),
      idleMs: 2 * minute,
    });
  });
});

describe('the server at its world limit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers 503 in the vendor body saying the limit and how to raise it, until a world has been idle', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const mock = await startMockServer({ maxWorlds: 2, worldIdleMs: 10 * minute });
    try {
      const list = (appId: string) =>
        fetch(`${mock.url}/v1/customers`, { headers: { 'X-App-Id': appId, 'X-App-Token': 't' } });
      expect((await list('first')).status).toBe(200);
      const refused = await list('second');
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({
        code: 503,
        key: 'service_unavailable',
        details: expect.stringContaining('Raise the limit'),
      });
      vi.setSystemTime(Date.now() + 10 * minute);
      expect((await list('second')).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('refuses invalid limits before listening', async () => {
    await expect(startMockServer({ maxWorlds: 0 })).rejects.toThrow('maxWorlds must be a positive integer');
  });
});
