/** When FastCanonicalJson hands a value to canonicalJson and when it uses its cached key list:
 * its output is canonical either way (fast-canonical-json.spec.ts holds that), so these are
 * what keeps the fast path fast and the "__proto__" guard in place. */
import { canonicalJson } from '@liaison/event-store/canonical-json';
import { FastCanonicalJson } from './fast-canonical-json';

jest.mock('@liaison/event-store/canonical-json', () => {
  const actual = jest.requireActual('@liaison/event-store/canonical-json');
  return { ...actual, canonicalJson: jest.fn(actual.canonicalJson) };
});
const slow = canonicalJson as jest.MockedFunction<typeof canonicalJson>;

const manyKeys = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

describe('FastCanonicalJson, its paths', () => {
  beforeEach(() => slow.mockClear());
  afterEach(() => jest.restoreAllMocks());

  it('given plain parsed JSON, then it writes it itself, nested arrays and objects included', () => {
    const fast = new FastCanonicalJson();
    expect(fast.write('t', { b: [{ d: 1, c: null }], a: 'x' })).toBe(
      '{"a":"x","b":[{"c":null,"d":1}]}',
    );
    expect(slow).not.toHaveBeenCalled();
  });

  it('given a "__proto__" key at any depth, then canonicalJson writes it', () => {
    const fast = new FastCanonicalJson();
    const nested = JSON.parse('{"a":[{"__proto__":{"x":1}}]}');
    expect(fast.write('t', nested)).toBe('{"a":[{"__proto__":{"x":1}}]}');
    expect(slow).toHaveBeenCalledWith(nested);
  });

  it('given 256 distinct keys in a slot, then still the fast path; 257, then canonicalJson', () => {
    const fast = new FastCanonicalJson();
    fast.write('t', manyKeys(256));
    expect(slow).not.toHaveBeenCalled();
    const more = manyKeys(257);
    expect(JSON.parse(fast.write('u', more))).toEqual(more);
    expect(slow).toHaveBeenCalledWith(more);
  });

  it('given an array of 300 items, then still the fast path: indices are not keys', () => {
    const fast = new FastCanonicalJson();
    const items = Array.from({ length: 300 }, (_, i) => ({ v: i }));
    expect(fast.write('t', { items })).toBe(JSON.stringify({ items }));
    expect(slow).not.toHaveBeenCalled();
  });

  it('given a slot that learnt its keys, then a value with the same keys takes one listed write', () => {
    const fast = new FastCanonicalJson();
    fast.write('t', { b: 1, a: 2 });
    const stringify = jest.spyOn(JSON, 'stringify');
    expect(fast.write('t', { a: 3, b: 4 })).toBe('{"a":3,"b":4}');
    expect(stringify).toHaveBeenCalledTimes(2); // the listed write and the length check
  });

  it('given a new key in a learnt slot, then the slot learns it and the output keeps it', () => {
    const fast = new FastCanonicalJson();
    fast.write('t', { b: 1 });
    expect(fast.write('t', { b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    const stringify = jest.spyOn(JSON, 'stringify');
    expect(fast.write('t', { a: 5, b: 6 })).toBe('{"a":5,"b":6}');
    expect(stringify).toHaveBeenCalledTimes(2);
  });
});
