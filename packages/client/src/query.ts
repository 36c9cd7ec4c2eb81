/**
 * Query strings the way these APIs read them: nested objects as bracketed `deepObject` keys with indexed
 * arrays (`filters[name][conditions][$in][0]=a`), top-level arrays as repeated keys (`ids=a&ids=b`), and
 * literal bracketed names such as `created_at[before]` passed through as they are. Brackets and `$` stay
 * readable in keys; values are percent-encoded.
 */
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%5B|%5D|%24/gi, decodeURIComponent);

function append(parts: string[], key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) append(parts, `${key}[${index}]`, item);
  } else if (typeof value === 'object' && !(value instanceof Date)) {
    for (const [child, childValue] of Object.entries(value)) append(parts, `${key}[${child}]`, childValue);
  } else {
    const text = value instanceof Date ? value.toISOString() : String(value);
    parts.push(`${encodeKey(key)}=${encodeURIComponent(text)}`);
  }
}

export function serializeQuery(query: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  for (const key in query) {
    const value = query[key];
    if (Array.isArray(value)) for (const item of value) append(parts, key, item);
    else append(parts, key, value);
  }
  return parts.join('&');
}
