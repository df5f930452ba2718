import fc from 'fast-check';
import { canonicalJson } from '@liaison/event-store';
import { FastCanonicalJson } from './fast-canonical-json';

describe('FastCanonicalJson', () => {
  it('writes exactly what canonicalJson writes, also when a slot meets new keys', () => {
    const writer = new FastCanonicalJson();
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })),
        (value) => {
          const parsed: unknown = JSON.parse(JSON.stringify(value));
          expect(writer.write('one-slot', parsed)).toBe(canonicalJson(parsed));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('never leaves out a key it has not seen before', () => {
    const writer = new FastCanonicalJson();
    expect(writer.write('t', { b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    expect(writer.write('t', { b: 1, a: { d: 1, c: 2 }, added: 'x' })).toBe(
      '{"a":{"c":2,"d":1},"added":"x","b":1}',
    );
  });
});
