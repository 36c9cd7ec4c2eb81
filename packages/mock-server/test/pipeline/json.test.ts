import { describe, expect, it } from 'vitest';
import { defaultMaxJsonDepth, JsonBodyError, nestingDepth, parseJson } from '../../src/pipeline/json.js';
import { nestedJson as nested } from '../fuzz/requests.js';

describe('nestingDepth', () => {
  it('counts objects and arrays, the outermost as 1, and nothing inside strings', () => {
    expect(nestingDepth('1')).toBe(0);
    expect(nestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(nestingDepth('{"text":"[[{{ \\" ]]}}"}')).toBe(1);
  });

  it('stops counting one level past the limit', () => {
    expect(nestingDepth(nested(10_000), 3)).toBe(4);
  });
});

describe('parseJson', () => {
  it(`accepts ${defaultMaxJsonDepth} levels by default and refuses one more`, () => {
    expect(() => parseJson(nested(defaultMaxJsonDepth))).not.toThrow();
    expect(() => parseJson(nested(defaultMaxJsonDepth + 1))).toThrow(
      new JsonBodyError(`The JSON nests deeper than ${defaultMaxJsonDepth} levels of objects and arrays.`),
    );
  });

  it('takes its limit from the caller', () => {
    expect(parseJson('[[1]]', 2)).toEqual([[1]]);
    expect(() => parseJson('[[[1]]]', 2)).toThrow(JsonBodyError);
  });

  it('refuses bytes that are not UTF-8 instead of reading them as U+FFFD', () => {
    const raw = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(() => parseJson(raw)).toThrow(new JsonBodyError('The body is not valid UTF-8.'));
    expect(parseJson(Buffer.from('{"name":"Zoë 🎟"}'))).toEqual({ name: 'Zoë 🎟' });
  });

  it('says what is wrong with text that is not JSON', () => {
    expect(() => parseJson('{"name":')).toThrow(/^The body is not valid JSON: /);
    expect(() => parseJson('')).toThrow(JsonBodyError);
  });

  it('keeps __proto__ and constructor as data, never touching prototypes', () => {
    const parsed = parseJson('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}') as Record<
      string,
      unknown
    >;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
