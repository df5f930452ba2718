import { fold } from '@liaison/counterparts';
import { refusedPage, requestPage } from './respond-page.html';
import { agencyLabel, formatTime, pageLanguage } from './respond-page.messages';

const state = fold([
  {
    type: 'CounterpartRequestDrafted',
    data: {
      requestId: 'r',
      workshopId: 'w',
      infoRequestId: 'i',
      counterpart: 'OPENAI',
      subject: '<script>alert(1)</script> & "threats"',
      message: "<img src=x onerror='x'>",
      requestedBy: 'MSIT',
      hostAgency: 'MSIT',
      liaisonAgency: 'MSIT',
    },
  },
  {
    type: 'CounterpartRequestSent',
    data: {
      requestId: 'r',
      dueAt: '2026-11-27T09:00:00.000Z',
      link: { linkId: 'l', expiresAt: '2026-12-11T00:00:00.000Z' },
    },
  },
]);

describe("the counterpart's page", () => {
  it.each([
    [undefined, 'ko-KR,ko;q=0.9,en-US;q=0.8', 'ko'],
    [undefined, 'en-US,en;q=0.9,ko;q=0.8', 'en'],
    [undefined, 'fr-FR, ko;q=0.5, en;q=0.4', 'ko'],
    [undefined, 'ko;q=0, en', 'en'],
    [undefined, undefined, 'en'],
    ['ko', 'en', 'ko'],
    ['en', 'ko', 'en'],
    ['de', 'ko', 'ko'],
  ])('language: ?lang=%s with Accept-Language %s → %s', (query, header, expected) => {
    expect(pageLanguage(query, header)).toBe(expected);
  });

  it('escapes everything the request carries and has no script', () => {
    const html = requestPage({ lang: 'en', token: 'a.b.c.d', state, requester: 'MSIT' });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;threats&quot;');
    expect(html).toContain('&lt;img src=x onerror=&#39;x&#39;&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<label for="text">');
  });

  it('names a problem by its field, marked on the field', () => {
    const html = requestPage({
      lang: 'ko',
      token: 't',
      state,
      requester: agencyLabel('MSIT', 'Ministry of Science and ICT', 'ko'),
      problem: { field: 'text', message: '답변 내용을 입력하거나 파일을 첨부해 주세요.' },
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('<strong>text</strong>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('과학기술정보통신부 (MSIT)의 정보 요청');
  });

  it('dates in Seoul time, Korean style in Korean', () => {
    expect(formatTime('2026-11-27T09:00:00.000Z', 'ko')).toMatch(/^2026\. 11\. 27\. \(금\) 18:00/);
    expect(formatTime('2026-11-27T09:00:00.000Z', 'en')).toContain('18:00');
  });

  it('a refusal tells nothing about the request', () => {
    const html = refusedPage('en', 'invalid', '<bad>');
    expect(html).toContain('This link is not valid.');
    expect(html).not.toContain('<bad>');
  });
});
