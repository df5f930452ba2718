import fc from 'fast-check';
import { canonicalJson } from '@liaison/event-store';
import { UNUSUAL_JSON } from '../../../event-store/src/testing/unusual-json';
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

  it.each(UNUSUAL_JSON)(
    "writes canonicalJson's text for the hash contract's $name",
    ({ value }) => {
      const writer = new FastCanonicalJson();
      const parsed: unknown = JSON.parse(JSON.stringify(value)); // what the export verifier has
      expect(writer.write('fresh', parsed)).toBe(canonicalJson(value));
      expect(writer.write('fresh', parsed)).toBe(canonicalJson(value)); // from the learnt list
      expect(writer.write('fresh', value)).toBe(canonicalJson(value));
    },
  );

  it('writes every unusual value in turn through one slot', () => {
    const writer = new FastCanonicalJson();
    for (const { value } of [...UNUSUAL_JSON, ...UNUSUAL_JSON]) {
      expect(writer.write('shared', value)).toBe(canonicalJson(value));
    }
  });

  it('never leaves out a key it has not seen before', () => {
    const writer = new FastCanonicalJson();
    expect(writer.write('t', { b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    expect(writer.write('t', { b: 1, a: { d: 1, c: 2 }, added: 'x' })).toBe(
      '{"a":{"c":2,"d":1},"added":"x","b":1}',
    );
  });
});
