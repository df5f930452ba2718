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
});
