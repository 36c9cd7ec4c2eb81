/**
 * Freezes a value and everything it holds. Stored records are never changed in place (a change stores a new
 * record), which is what lets a failed request be undone and a state export run while requests go on;
 * freezing makes a handler that breaks the rule fail loudly in tests instead of corrupting data quietly.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
