import fc from 'fast-check';
import { canonicalJson } from '@liaison/event-store/canonical-json';
import { UNUSUAL_JSON } from '../../../event-store/src/testing/unusual-json';
import { asJsonbText } from '../testing/jsonb-text';
import { JsonbCanonicalWriter, NotJsonbText } from './jsonb-canonical';

/**
 * The fast path must give exactly canonicalJson(JSON.parse(text)) for jsonb text, without a
 * database: asJsonbText prints as Postgres does (the int-spec holds it to a real one), and the
 * texts written out below are Postgres's own output.
 */
describe('JsonbCanonicalWriter', () => {
  const writer = new JsonbCanonicalWriter();
  const agrees = (text: string) =>
    expect(writer.toText(text)).toBe(canonicalJson(JSON.parse(text)));

  it.each(UNUSUAL_JSON.filter((u) => !u.escapedKeys))(
    "writes canonicalJson's text for the hash contract's $name",
    ({ value }) => {
      const text = asJsonbText(value);
      expect(writer.toText(text)).toBe(canonicalJson(value));
      agrees(text);
    },
  );

  it('leaves keys with escapes to the exact path (their bytes do not order as characters)', () => {
    for (const { value } of UNUSUAL_JSON.filter((u) => u.escapedKeys)) {
      expect(() => writer.toText(asJsonbText(value))).toThrow(NotJsonbText);
    }
    expect(() => writer.toText('{"a\\"b": 1}')).toThrow('key with an escape');
    expect(writer.toText('{"k": "a\\"b\\\\c\\n"}')).toBe('{"k":"a\\"b\\\\c\\n"}'); // values may
  });

  it('agrees with canonicalJson on random values, falling back only for escaped keys', () => {
    const key = fc.string({ unit: 'grapheme', maxLength: 8 });
    const object = fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 });
    fc.assert(
      fc.property(object, (value) => {
        fc.pre(!JSON.stringify(value).includes('\\u0000')); // jsonb holds no NUL
        const text = asJsonbText(value);
        if (hasEscapedKey(value)) expect(() => writer.toText(text)).toThrow(NotJsonbText);
        else agrees(text);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it.each([
    ['[1.0, 1.50, -2.000]', '[1,1.5,-2]'],
    ['[0.00000010, -0.00000015]', '[1e-7,-1.5e-7]'],
    ['[1000000000000000000000, 100000000000000000000]', '[1e+21,100000000000000000000]'],
    ['[0, 0.0, -0.0, 7, -7, 0.5]', '[0,0,0,7,-7,0.5]'],
    [
      '[123456789012345, 1234567890123456, 12345678901234567890]',
      '[123456789012345,1234567890123456,12345678901234567000]',
    ],
    ['[9007199254740993]', '[9007199254740992]'],
  ])('re-prints numbers as JavaScript does: %s', (text, canonical) => {
    expect(writer.toText(text)).toBe(canonical);
    agrees(text);
  });

  it('re-orders members from jsonb order (length first) to code unit order', () => {
    expect(writer.toText('{"": 5, "a": 2, "z": 4, "bb": 1, "é": 3}')).toBe(
      '{"":5,"a":2,"bb":1,"z":4,"é":3}',
    );
    expect(writer.toText('{"b": {"y": [], "x": {}}, "a": [{"d": 1, "c": 2}]}')).toBe(
      '{"a":[{"c":2,"d":1}],"b":{"x":{},"y":[]}}',
    );
    // Keys equal up to the shorter one's end: the shorter first.
    expect(writer.toText('{"ab": 1, "abc": 2, "a": 3}')).toBe('{"a":3,"ab":1,"abc":2}');
  });

  it.each([
    ['{"a":1}', 'no space after the colon'],
    ['{"a": 1,"b": 2}', 'no space after the comma'],
    ['[1,2]', 'no space in an array'],
    ['{"a": 01}', 'a leading zero'],
    ['[+1]', 'a plus sign'],
    ['[1e400]', 'a number JavaScript cannot hold'],
    ['[.5]', 'no digit before the point'],
    ['{"a": 1} x', 'trailing text'],
    ['{"a": tru}', 'a cut literal'],
    ['[nul]', 'a cut null'],
    ['{"a": "x', 'an unterminated string'],
    ['{"a": [1, 2}', 'an unterminated array'],
    ['{"a": {"b": 1}', 'an unterminated object'],
    ['{a: 1}', 'an unquoted key'],
  ])('refuses %s (%s)', (text) => {
    expect(() => writer.toText(text)).toThrow(NotJsonbText);
  });

  it('writes into a caller buffer at an offset, from bytes at an offset, and says when it is full', () => {
    const source = Buffer.from('xx{"b": 1, "a": [true, false, null]}yy', 'utf8');
    const out = Buffer.alloc(64, 0x2e);
    const end = writer.writeBytes(source, 2, source.length - 2, out, 3);
    expect(out.toString('utf8', 0, end + 1)).toBe('...{"a":[true,false,null],"b":1}.');
    expect(() => writer.write('{"b": 1, "a": "long enough"}', Buffer.alloc(10), 0)).toThrow(
      RangeError,
    );
    expect(() => writer.write('"a string longer than the buffer"', Buffer.alloc(8), 0)).toThrow(
      RangeError,
    );
  });

  it('keeps no state between calls: a deep value, then shallow ones', () => {
    const deep = UNUSUAL_JSON.find((u) => u.name === 'deep nesting')!.value;
    agrees(asJsonbText(deep));
    agrees('{"b": 1, "a": 2}');
    agrees('[]');
    agrees('{}');
    const big = { k: 'x'.repeat(100_000), list: Array.from({ length: 40 }, (_, i) => ({ i })) };
    agrees(asJsonbText(big)); // past the writer's first buffers
  });
});

function hasEscapedKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasEscapedKey);
  return Object.entries(value).some(([k, v]) => JSON.stringify(k) !== `"${k}"` || hasEscapedKey(v));
}
