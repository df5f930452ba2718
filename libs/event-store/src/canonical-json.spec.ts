import { canonicalJson } from './canonical-json';
import { InvalidAppendError } from './event-store.errors';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it.each([
    ['NaN', { n: NaN }, '$.n'],
    ['Infinity', { n: Infinity }, '$.n'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a bigint', { b: BigInt(1) }, '$.b'],
    ['a Date', { at: new Date() }, '$.at'],
    ['a NUL character', { s: 'a\u0000b' }, '$.s'],
    ['a lone surrogate', { s: '\ud800' }, '$.s'],
    ['undefined in an array', { a: [undefined] }, '$.a[0]'],
  ])('refuses %s and names the path', (_label, value, path) => {
    expect(() => canonicalJson(value)).toThrow(InvalidAppendError);
    expect(() => canonicalJson(value)).toThrow(path);
  });

  it('refuses a circular reference', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow('circular');
  });

  it('accepts the same object twice when it is not circular', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
  /** The format, as an outside verifier must reproduce it (README: "For outside verifiers"). */
  describe('known answers', () => {
    it('orders keys by UTF-16 code unit: surrogate pairs before U+E000–U+FFFF', () => {
      const keys = [
        '\uffff',
        '😀',
        '\ue000',
        '\ud7ff',
        '한글',
        'é',
        'z',
        'a',
        'ab',
        'a!',
        'B',
        '',
        '10',
        '9',
      ];
      expect(canonicalJson(Object.fromEntries(keys.map((k) => [k, 0])))).toBe(
        '{"":0,"10":0,"9":0,"B":0,"a":0,"a!":0,"ab":0,"z":0,"é":0,"한글":0,"\ud7ff":0,"😀":0,"\ue000":0,"\uffff":0}',
      );
    });

    it('writes numbers as JavaScript prints them', () => {
      const numbers = [
        1e21,
        1.5e-7,
        5e-324,
        2 ** 53 + 2,
        0.1 + 0.2,
        -0,
        -0.5,
        100,
        1.7976931348623157e308,
      ];
      expect(canonicalJson(numbers)).toBe(
        '[1e+21,1.5e-7,5e-324,9007199254740994,0.30000000000000004,0,-0.5,100,1.7976931348623157e+308]',
      );
    });

    it('escapes strings as JSON.stringify does: short escapes, \\u00xx below U+0020, nothing else', () => {
      expect(canonicalJson(['\n\t\r\b\f"\\/', '\u0001\u001f\u007f', 'é\u2028😀'])).toBe(
        '["\\n\\t\\r\\b\\f\\"\\\\/","\\u0001\\u001f\u007f","é\u2028😀"]',
      );
    });
  });
});
