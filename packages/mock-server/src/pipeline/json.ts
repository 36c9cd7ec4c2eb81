/**
 * Reads a JSON request body the way every entry point must (API bodies, `/__admin/seed`, `--seed` and
 * `--credentials` files): strict UTF-8 and bounded nesting. Each limit fails here, before anything is
 * stored, because later stages (validation, copies, the response) recurse through the value and must never
 * meet one they cannot handle. Keys such as `__proto__` stay ordinary data: `JSON.parse` makes them own
 * properties, and the code that copies values uses spreads and entries, never assignment by key.
 */

/** How deep objects and arrays may nest, counting the outermost as 1. */
export const defaultMaxJsonDepth = 64;

export class JsonBodyError extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The deepest nesting of `[`/`{` outside strings, or `limit + 1` as soon as it goes beyond `limit`. */
export function nestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return deepest;
}

/** Parses JSON bytes or text, throwing a `JsonBodyError` that says what is wrong and where it can be fixed. */
export function parseJson(raw: Buffer | string, maxDepth = defaultMaxJsonDepth): unknown {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else {
    try {
      text = strictUtf8.decode(raw);
    } catch {
      throw new JsonBodyError('The body is not valid UTF-8.');
    }
  }
  if (nestingDepth(text, maxDepth) > maxDepth)
    throw new JsonBodyError(`The JSON nests deeper than ${maxDepth} levels of objects and arrays.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonBodyError(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
