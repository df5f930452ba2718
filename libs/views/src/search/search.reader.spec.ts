import { caseless } from './search.reader';

/** A term matched with LIKE instead of ILIKE must match the same texts: it may hold no letter
 * that lower-casing changes or that another letter lowers to. */
describe('caseless', () => {
  it.each(['졄럭튱', '보안', '情報保安', '2026', '망', '제3차'])(
    'holds for %s (Hangul, Han, digits)',
    (term) => expect(caseless(term)).toBe(true),
  );

  it.each(['gofpg', 'OpenAI', '5G망', 'straße', 'ǆ', 'k', 'ω', 'İ', '보안-회의', 'ＡＩ'])(
    'does not hold for %s (a letter with case, or anything else)',
    (term) => expect(caseless(term)).toBe(false),
  );
});
