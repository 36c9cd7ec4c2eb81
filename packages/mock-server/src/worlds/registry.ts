/**
 * The worlds of one mock: name → its own state, kept in least-recently-used order. The count is bounded;
 * a new world past the bound replaces the least recently used one only if that has been idle long enough,
 * so nothing is dropped from a world still in use. The default world is never dropped: the server's `state`
 * is it.
 */
import { HttpError } from '../http.js';
import { createState, type MockState, tablesOf } from '../state.js';
import { defaultWorld } from './naming.js';

export interface WorldLimits {
  /** Most worlds held at once, the default world included. */
  maxWorlds: number;
  /** How long a world must have been unused before a new world may replace it, in milliseconds. */
  worldIdleMs: number;
}

export const defaultWorldLimits: WorldLimits = { maxWorlds: 64, worldIdleMs: 10 * 60 * 1000 };

export interface WorldSummary {
  name: string;
  records: number;
  /** The size the state limit counts, in bytes of JSON. */
  bytes: number;
  idleMs: number;
}

interface Entry {
  state: MockState;
  lastUsed: number;
}

export class Worlds {
  // A Map keeps insertion order: re-inserting on use makes its first entry the least recently used.
  #entries = new Map<string, Entry>();
  readonly default: MockState = createState();

  constructor(
    readonly limits: WorldLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.#entries.set(defaultWorld, { state: this.default, lastUsed: now() });
  }

  /** The named world, created when new; a 503 when the bound is reached and no world is idle long enough. */
  use(name: string): MockState {
    const now = this.now();
    const entry = this.#entries.get(name) ?? this.#create(now);
    this.#entries.delete(name);
    this.#entries.set(name, { state: entry.state, lastUsed: now });
    return entry.state;
  }

  list(): WorldSummary[] {
    const now = this.now();
    return [...this.#entries].map(([name, { state, lastUsed }]) => ({
      name,
      records: tablesOf(state).reduce((sum, table) => sum + table.size, 0),
      bytes: state.journal.bytes,
      idleMs: now - lastUsed,
    }));
  }

  #create(now: number): Entry {
    if (this.#entries.size >= this.limits.maxWorlds) this.#dropIdle(now);
    return { state: createState(), lastUsed: now };
  }

  #dropIdle(now: number): void {
    for (const [name, { lastUsed }] of this.#entries) {
      if (name === defaultWorld) continue;
      // The first other entry is the least recently used: if it is not idle long enough, none is.
      if (now - lastUsed < this.limits.worldIdleMs) break;
      this.#entries.delete(name);
      return;
    }
    const minutes = this.limits.worldIdleMs / 60_000;
    throw new HttpError(
      503,
      'Service unavailable',
      `This mock already holds its limit of ${this.limits.maxWorlds} worlds (maxWorlds, --max-worlds), and ` +
        `none has been idle for ${minutes} minutes (worldIdleMs, --world-idle-minutes) to make room for a new ` +
        'one. Raise the limit, or reuse credentials (or X-Vouchspec-World) that name an existing world.',
    );
  }
}
