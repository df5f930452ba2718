import { csvCell, csvStream, UTF8_BOM } from './csv-writer';
import { reportLanguage } from './report-language';

describe('CSV cells', () => {
  it('defuses formulas: = + - @ tab and CR get a leading apostrophe', () => {
    expect(csvCell('=1+1', 'ko')).toBe("'=1+1");
    expect(csvCell('+82 10', 'ko')).toBe("'+82 10");
    expect(csvCell('-2', 'ko')).toBe("'-2");
    expect(csvCell('@SUM(A1)', 'ko')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1', 'ko')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("x")', 'ko')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('위협 정보', 'ko')).toBe('위협 정보');
  });

  it('quotes commas, quotes and line breaks (RFC 4180); writes instants in Seoul time', () => {
    expect(csvCell('a, "b"\nc', 'en')).toBe('"a, ""b""\nc"');
    expect(csvCell(new Date('2026-11-25T05:00:00Z'), 'ko')).toBe('2026-11-25 14:00');
    expect(csvCell(true, 'ko')).toBe('예');
    expect(csvCell(false, 'en')).toBe('');
    expect(csvCell(null, 'en')).toBe('');
  });

  it('starts with a BOM and ends lines with CRLF', async () => {
    const stream = csvStream(
      {
        name: { ko: 's', en: 's' },
        columns: [{ header: { ko: '과제명', en: 'Title' }, width: 10, value: (r: string) => r }],
        rows: ['하나', '둘'],
      },
      'ko',
    );
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    expect(text).toBe(`${UTF8_BOM}과제명\r\n하나\r\n둘\r\n`);
  });
});

describe('report language', () => {
  it('?lang= wins, then Accept-Language by q, then Korean', () => {
    expect(reportLanguage('en', 'ko')).toBe('en');
    expect(reportLanguage(undefined, 'en-US,en;q=0.9,ko;q=0.8')).toBe('en');
    expect(reportLanguage(undefined, 'fr, en;q=0.5, ko;q=0.7')).toBe('ko');
    expect(reportLanguage(undefined, 'fr')).toBe('ko');
    expect(reportLanguage(undefined, undefined)).toBe('ko');
  });
});
