import fc from 'fast-check';
import { Pool } from 'pg';
import { canonicalJson } from '@liaison/event-store';
import { testPool } from '../../../../test/support/database';
import { UNUSUAL_JSON } from '../../../event-store/src/testing/unusual-json';
import { asJsonbText } from '../testing/jsonb-text';
import { JsonbCanonicalWriter, NotJsonbText } from './jsonb-canonical';

/**
 * The fast path must give exactly canonicalJson(JSON.parse(text)) for whatever Postgres prints
 * for a jsonb value. Random values go through a real Postgres (no table is touched).
 */
describe('JsonbCanonicalWriter on text printed by Postgres', () => {
  const writer = new JsonbCanonicalWriter();
  let pool: Pool;
  beforeAll(() => {
    pool = testPool(2);
  });
  afterAll(() => pool.end());

  const printed = async (values: unknown[]): Promise<string[]> => {
    const { rows } = await pool.query<{ t: string }>(
      'SELECT v::jsonb::text AS t FROM unnest($1::text[]) WITH ORDINALITY AS x(v, i) ORDER BY i',
      [values.map((v) => JSON.stringify(v))],
    );
    return rows.map((r) => r.t);
  };

  const storable = (v: unknown) => !JSON.stringify(v).includes('\\u0000'); // jsonb holds no NUL

  it('agrees with canonicalJson for random objects (unicode, escapes, numbers, nesting)', async () => {
    const key = fc.string({ unit: 'grapheme', maxLength: 8 });
    const object = fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 });
    const values = fc.sample(object, { numRuns: 400, seed: 42 }).filter(storable);
    const texts = await printed(values);
    let fast = 0;
    for (const text of texts) {
      try {
        expect(writer.toText(text)).toBe(canonicalJson(JSON.parse(text)));
        fast++;
      } catch (err) {
        if (!(err instanceof NotJsonbText)) throw err; // keys it must not order itself: fallback
      }
    }
    // Random keys often hold a quote or backslash (escaped, so left to the fallback); real keys do not.
    expect(fast).toBeGreaterThan(texts.length * 0.4);
  });

  it.each([
    { n: 1e21, small: 1e-7, neg: -0.5, big: 12345678901234567000, pi: 3.14159 },
    {
      bq: { x: ['\n', '\t', '"', '\\', '\u0001', '\u007f', '\u2028', '✓', '😀'] },
      a: null,
      é: true,
    },
    { '\uE000': 1, '😀': 2, '\uFFFF': 3, 한글: 4, z: 5, '\uD7FF': 6 },
    { '': '', ab: 1, a: 2, 'a!': 3, B: 4, '10': 5, '9': 6 },
    { nested: { z: [{ y: 1, x: [] }, {}], a: {} } },
  ])('agrees on %j', async (value) => {
    const [text] = await printed([value]);
    expect(writer.toText(text)).toBe(canonicalJson(JSON.parse(text)));
  });

  it("agrees on the hash contract's unusual values, falling back only for escaped keys", async () => {
    const texts = await printed(UNUSUAL_JSON.map((u) => u.value));
    UNUSUAL_JSON.forEach(({ value, escapedKeys }, i) => {
      if (escapedKeys) expect(() => writer.toText(texts[i])).toThrow(NotJsonbText);
      else expect(writer.toText(texts[i])).toBe(canonicalJson(value));
    });
  });

  it('is what the unit specs feed it: asJsonbText prints as Postgres does', async () => {
    const key = fc.string({ unit: 'grapheme', maxLength: 8 });
    const object = fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 });
    const random = fc.sample(object, { numRuns: 300, seed: 43 }).filter(storable);
    const values = [...UNUSUAL_JSON.map((u) => u.value), ...random];
    expect(values.map(asJsonbText)).toEqual(await printed(values));
  });

  it('refuses text outside the shape Postgres prints, and keys it cannot order by bytes', () => {
    for (const text of ['{"a":1}', '{"a": 1,"b": 2}', '{"a": 01}', '{"a": 1} x', '{"a\\"b": 1}']) {
      expect(() => writer.toText(text)).toThrow(NotJsonbText);
    }
  });
});
