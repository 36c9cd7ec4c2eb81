/**
 * The undo log behind all-or-nothing requests. Every table of one state writes its changes here; while a
 * transaction is open each change leaves a step that puts the old value back, so a request that fails can
 * leave the state exactly as it found it. Request handling is synchronous, so one open transaction at a
 * time is all a state needs.
 */
export class Journal {
  #undo: (() => void)[] | undefined;
  #afterRollback = new Set<() => void>();
  /** The approximate size of everything stored, in bytes of JSON. */
  bytes = 0;

  get open(): boolean {
    return this.#undo !== undefined;
  }

  /** Notes how to reverse a change just made (ignored outside a transaction). */
  record(undo: () => void): void {
    this.#undo?.push(undo);
  }

  /** Called by undo steps: runs once after the rollback has undone every step (tables restore their order). */
  afterRollback(task: () => void): void {
    this.#afterRollback.add(task);
  }

  begin(): void {
    if (this.#undo) throw new Error('A transaction is already open on this state');
    this.#undo = [];
  }

  commit(): void {
    this.#undo = undefined;
    this.#afterRollback.clear();
  }

  rollback(): void {
    const steps = this.#undo ?? [];
    this.#undo = undefined;
    for (let index = steps.length - 1; index >= 0; index--) steps[index]?.();
    for (const task of this.#afterRollback) task();
    this.#afterRollback.clear();
  }

  /** Runs `work` in a transaction: its changes stay when it returns and are undone when it throws. */
  atomically<T>(work: () => T): T {
    this.begin();
    try {
      const result = work();
      this.commit();
      return result;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }
}
