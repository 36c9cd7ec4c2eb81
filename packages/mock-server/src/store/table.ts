import { deepFreeze } from './freeze.js';
import type { Journal } from './journal.js';

/**
 * Derives an index key from a row (and its primary key); `undefined` leaves the row out of that index.
 * (Method syntax keeps it bivariant, so any table can be handled as a `Table<unknown>`.)
 */
export type IndexKey<V> = { keyOf(row: V, key: string): string | undefined }['keyOf'];

/** The approximate stored size of a row: its JSON length, which is what the state limit counts. */
function sizeOf(row: unknown): number {
  return JSON.stringify(row)?.length ?? 0;
}

/**
 * A collection of immutable rows by key, with the `Map` methods the resource modules use, secondary indexes
 * (so a lookup by `source_id` does not scan every customer), size accounting for the state limit, and every
 * change journaled so a failed request can be undone.
 */
export class Table<V> implements Iterable<[string, V]> {
  #rows = new Map<string, V>();
  #sizes = new Map<string, number>();
  /** When each key was first stored, so a row a rollback puts back returns to its place in the order. */
  #sequence = new Map<string, number>();
  #nextSequence = 0;
  #indexes = new Map<string, { keyOf: IndexKey<V>; entries: Map<string, Set<string>> }>();

  constructor(
    private readonly journal: Journal,
    indexes: Record<string, IndexKey<V>> = {},
  ) {
    for (const [name, keyOf] of Object.entries(indexes))
      this.#indexes.set(name, { keyOf, entries: new Map() });
  }

  get size(): number {
    return this.#rows.size;
  }
  get(key: string): V | undefined {
    return this.#rows.get(key);
  }
  has(key: string): boolean {
    return this.#rows.has(key);
  }
  keys(): IterableIterator<string> {
    return this.#rows.keys();
  }
  values(): IterableIterator<V> {
    return this.#rows.values();
  }
  entries(): IterableIterator<[string, V]> {
    return this.#rows.entries();
  }
  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.#rows.entries();
  }

  /** The rows whose index key is `value`, in insertion order. */
  findAll(index: string, value: string): V[] {
    const keys = this.#index(index).entries.get(value);
    return keys ? [...keys].map((key) => this.#rows.get(key) as V) : [];
  }

  /** The first row whose index key is `value`. */
  find(index: string, value: string): V | undefined {
    const keys = this.#index(index).entries.get(value);
    if (!keys) return undefined;
    for (const key of keys) return this.#rows.get(key);
    return undefined;
  }

  /** Stores a row (frozen: change it by storing a new one). */
  set(key: string, row: V): this {
    const had = this.#rows.has(key);
    const previous = this.#rows.get(key);
    this.#write(key, deepFreeze(row));
    this.journal.record(() => (had ? this.#write(key, previous as V) : this.#remove(key)));
    return this;
  }

  delete(key: string): boolean {
    if (!this.#rows.has(key)) return false;
    const previous = this.#rows.get(key) as V;
    const sequence = this.#sequence.get(key) as number;
    this.#remove(key);
    this.journal.record(() => {
      this.#write(key, previous, sequence);
      this.journal.afterRollback(() => this.#restoreOrder());
    });
    return true;
  }

  /** Deletes every row whose index key is `value`; returns how many. */
  deleteAll(index: string, value: string): number {
    const keys = [...(this.#index(index).entries.get(value) ?? [])];
    for (const key of keys) this.delete(key);
    return keys.length;
  }

  clear(): void {
    for (const key of [...this.#rows.keys()]) this.delete(key);
  }

  #index(name: string) {
    const index = this.#indexes.get(name);
    if (!index) throw new Error(`No index "${name}" on this table`);
    return index;
  }

  #write(key: string, row: V, sequence?: number): void {
    if (this.#rows.has(key)) this.#unindex(key);
    else this.#sequence.set(key, sequence ?? this.#nextSequence++);
    this.#rows.set(key, row);
    const size = sizeOf(row);
    this.journal.bytes += size - (this.#sizes.get(key) ?? 0);
    this.#sizes.set(key, size);
    for (const { keyOf, entries } of this.#indexes.values()) {
      const value = keyOf(row, key);
      if (value === undefined) continue;
      const keys = entries.get(value) ?? new Set<string>();
      entries.set(value, keys.add(key));
    }
  }

  #remove(key: string): void {
    this.#unindex(key);
    this.#rows.delete(key);
    this.journal.bytes -= this.#sizes.get(key) ?? 0;
    this.#sizes.delete(key);
    this.#sequence.delete(key);
  }

  #unindex(key: string): void {
    const row = this.#rows.get(key) as V;
    for (const { keyOf, entries } of this.#indexes.values()) {
      const value = keyOf(row, key);
      if (value === undefined) continue;
      const keys = entries.get(value);
      keys?.delete(key);
      if (keys?.size === 0) entries.delete(value);
    }
  }

  /** Puts rows (and index entries) back in first-stored order after a rollback re-added deleted ones. */
  #restoreOrder(): void {
    const bySequence = (a: string, b: string) =>
      (this.#sequence.get(a) as number) - (this.#sequence.get(b) as number);
    const rows = [...this.#rows.keys()]
      .sort(bySequence)
      .map((key) => [key, this.#rows.get(key) as V] as const);
    this.#rows = new Map(rows);
    for (const index of this.#indexes.values()) {
      for (const [value, keys] of index.entries)
        index.entries.set(value, new Set([...keys].sort(bySequence)));
    }
  }
}

/** One project's rows of a project-scoped table, read like a `Map`. */
export interface ProjectScope<V> {
  readonly size: number;
  get(id: string): V | undefined;
  has(id: string): boolean;
  set(id: string, row: V): void;
  delete(id: string): boolean;
  values(): IterableIterator<V>;
}

/** Joins project and id in a key; no id the API hands out or a path can carry contains it. */
const separator = '\u0000';

/**
 * A table of project-scoped rows (one project's webhooks, brands, …): keyed by project and id, with a view
 * per project that reads like a `Map` of that project's rows.
 */
export class ProjectTable<V> {
  readonly table: Table<V>;

  constructor(journal: Journal) {
    this.table = new Table<V>(journal, { project: (_row, key) => key.slice(0, key.indexOf(separator)) });
  }

  /** One project's rows. */
  in(projectId: string): ProjectScope<V> {
    const { table } = this;
    const keyOf = (id: string) => `${projectId}${separator}${id}`;
    return {
      get: (id: string) => table.get(keyOf(id)),
      has: (id: string) => table.has(keyOf(id)),
      set: (id: string, row: V) => void table.set(keyOf(id), row),
      delete: (id: string) => table.delete(keyOf(id)),
      values: () => table.findAll('project', projectId).values(),
      get size() {
        return table.findAll('project', projectId).length;
      },
    };
  }

  /** Every row with the project it belongs to, for the state export. */
  *rows(): Generator<{ projectId: string; row: V }> {
    for (const [key, row] of this.table) yield { projectId: key.slice(0, key.indexOf(separator)), row };
  }

  deleteProject(projectId: string): number {
    return this.table.deleteAll('project', projectId);
  }
}
