/** JsonbCanonicalWriter at its edges: where a buffer is exactly full, an object wider than its
 * first member table, numbers Postgres could print but rarely does, and which refusal says
 * what (the message is what an operator reads when the fast path falls back). Its agreement
 * with canonicalJson in general is jsonb-canonical.spec.ts's. */
import { canonicalJson } from '@liaison/event-store/canonical-json';
import { asJsonbText } from '../testing/jsonb-text';
import { JsonbCanonicalWriter } from './jsonb-canonical';

describe('JsonbCanonicalWriter, at its edges', () => {
  const writer = new JsonbCanonicalWriter();

  it('given an output buffer exactly the canonical length, then it fills it and does not refuse', () => {
    const text = '{"b": [1, "x"], "a": true}';
    const canonical = '{"a":true,"b":[1,"x"]}';
    const out = Buffer.alloc(canonical.length);
    expect(writer.write(text, out, 0)).toBe(canonical.length);
    expect(out.toString('utf8')).toBe(canonical);
    // A long string token (copied in one call past 256 bytes) exactly filling the buffer.
    const long = `"${'y'.repeat(300)}"`;
    const exact = Buffer.alloc(long.length);
    expect(writer.write(long, exact, 0)).toBe(long.length);
    expect(() => writer.write(long, Buffer.alloc(long.length - 1), 0)).toThrow(
      'output buffer full',
    );
    expect(() => writer.write('[]', Buffer.alloc(1), 0)).toThrow('output buffer full');
    expect(() => writer.write('[-7]', Buffer.alloc(3), 0)).toThrow('output buffer full');
  });

  it('given an object of more members than its first table holds, then it orders them all', () => {
    const wide = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`k${(i * 7) % 40}`, { [`n${i}`]: i }]),
    );
    const nested = { outer: wide, list: [wide, { z: wide }] };
    expect(writer.toText(asJsonbText(nested))).toBe(canonicalJson(nested));
  });

  it.each([
    ['[-0]', '[0]'],
    ['[-0, 0, -1]', '[0,0,-1]'],
    ['[1e5, 1E-2, 2e+3, -3.5e2, 1.5e10]', '[100000,0.01,2000,-350,15000000000]'],
    ['[123456789012345, -123456789012345]', '[123456789012345,-123456789012345]'],
    ['{"a": -0}', '{"a":0}'],
  ])('given %s, then it prints the numbers as JavaScript does', (text, canonical) => {
    expect(writer.toText(text)).toBe(canonical);
    expect(canonical).toBe(canonicalJson(JSON.parse(text)));
  });

  it.each([
    ['[1.]', 'not a number JavaScript can hold at 1'],
    ['[-]', 'not a number JavaScript can hold at 1'],
    ['[1e]', 'not a number JavaScript can hold at 1'],
    ['[1.5.5]', 'not a number JavaScript can hold at 1'],
    ['[1 2]', 'expected ", " at 2'],
    ['{"a": 1 2}', 'malformed value at 6'],
    ['{"a": [1] 2}', 'expected ", " at 9'],
    ['{"a": 1]}', 'expected ", " at 7'],
    ['{"a": 1} ', 'trailing text'],
    ['{"a": "x', 'unterminated string'],
    ['{"a": [[1]', 'unterminated value'],
    ['{"a": x}', 'not a number JavaScript can hold at 6'],
    ['{"a": tru}', 'bad literal at 6'],
    ['{"a": fals}', 'bad literal at 6'],
    ['[nul]', 'bad literal at 1'],
    ['{1: 2}', 'expected a string at 1'],
    ['{"a\\u0041": 1}', 'key with an escape'],
    ['{"a" : 1}', 'expected ": " at 4'],
    ['{"a":1}', 'expected ": " at 4'],
    ['[1,2]', 'expected ", " at 2'],
    ['[1-2]', 'not a number JavaScript can hold at 1'],
  ])('refuses %s, saying "%s"', (text, message) => {
    expect(() => writer.toText(text)).toThrow(message);
  });

  it('given escapes in a value, then it copies them as they are (only keys must be plain)', () => {
    expect(writer.toText('{"b": "\\\\", "a": ["\\"", "\\u0001"]}')).toBe(
      '{"a":["\\"","\\u0001"],"b":"\\\\"}',
    );
  });
});
