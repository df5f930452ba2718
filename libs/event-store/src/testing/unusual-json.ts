import type { JsonObject } from '../event.types';

/**
 * Values every writer of the hash contract must write exactly as canonicalJson does: the event
 * store, and the audit's fast paths (FastCanonicalJson, JsonbCanonicalWriter, BinaryEventHasher),
 * whose specs feed them these same values. What none of them can meet is left out, with the
 * reason: a lone surrogate and NUL (canonicalJson refuses both, and jsonb cannot hold them),
 * NaN and Infinity (not JSON).
 */
export interface UnusualJson {
  name: string;
  value: JsonObject;
  /**
   * Keys with an escape (a quote, a backslash, a control character): their bytes in jsonb text
   * do not order as their characters, so the jsonb fast path hands them to the exact path.
   */
  escapedKeys?: boolean;
}

/** `levels` objects deep, each holding an array that holds the next. */
function deep(levels: number): JsonObject {
  let value: JsonObject = { bottom: [] };
  for (let i = 0; i < levels; i++) value = { z: [value, {}], a: i };
  return value;
}

export const UNUSUAL_JSON: UnusualJson[] = [
  {
    name: 'escapes in strings',
    value: {
      s: ['\n', '\t', '\r', '\b', '\f', '"', '\\', '/', '\u0001', '\u001f', '\u007f', 'a"b\\c'],
    },
  },
  {
    name: 'unicode in strings',
    value: {
      s: ['é', 'e\u0301', '한글', '✓', '😀', '\u2028', '\u2029', '\ufeff', '\uffff', '\u0080'],
      '</script>': '<!--',
    },
  },
  {
    name: 'keys ordered by UTF-16 code unit, not by code point, length or bytes',
    value: {
      '\uffff': 1,
      '😀': 2,
      '\ue000': 3,
      '\ud7ff': 4,
      한글: 5,
      é: 6,
      z: 7,
      a: 8,
      ab: 9,
      'a!': 10,
      B: 11,
      A: 12,
      _: 13,
      '': 14,
      '\u007f': 15,
    },
  },
  {
    name: 'integer-like keys (JavaScript lists them first)',
    value: { b: 1, '10': 2, '9': 3, '0': 4 },
  },
  {
    name: 'big, small and awkward numbers',
    value: {
      big: 1e21,
      huge: 1.7976931348623157e308,
      tiny: 5e-324,
      small: 1e-7,
      negSmall: -1.5e-7,
      beyond53: 12345678901234567000, // not exact: 12345678901234567168
      max53: 2 ** 53,
      past53: 2 ** 53 + 2,
      sum: 0.1 + 0.2,
      zero: 0,
      negZero: -0,
      neg: -0.5,
      int: -42,
      frac: 123.456,
      exp: 1.5e300,
    },
  },
  {
    name: 'empty objects, arrays and strings',
    value: { o: {}, a: [], s: '', nested: [{}, [], [[]], { e: {} }], n: null, t: true, f: false },
  },
  { name: 'deep nesting', value: deep(40) },
  { name: 'an empty object', value: {} },
  {
    name: 'keys named like Object.prototype members',
    value: JSON.parse('{"__proto__": {"x": 1}, "constructor": 2, "toString": [3]}') as JsonObject,
  },
  {
    name: 'keys with escapes',
    value: { 'a"b': 1, 'back\\slash': 2, 'line\nbreak': 3, '\u0001': 4, plain: 5 },
    escapedKeys: true,
  },
];

/** Stream ids and event types the contract must quote as JSON.stringify does. */
export const UNUSUAL_NAMES = [
  'follow-up-1',
  'stream:with.odd_chars-1',
  'a "quoted" \\ id',
  '워크숍-😀',
];
