import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { RecordsClock } from '@liaison/records';
import {
  admin,
  createWorkshop,
  inDays,
  kisaOfficer,
  msitHead,
  WorkshopFixture,
} from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

type Lang = 'ko' | 'en';
const SIGN_IN = {
  ko: { user: '아이디', password: '비밀번호', submit: '로그인' },
  en: { user: 'User name', password: 'Password', submit: 'Sign in' },
};

/** A person signed in through the sign-in page, in a browser of the language's own. */
async function signedIn(stack: WebStack, login: string, lang: Lang, path = '/') {
  const context = await newContext(stack.browser, lang === 'ko' ? 'ko-KR' : 'en-US');
  const page = await context.newPage();
  await page.goto(`${stack.api.url}${path}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel(SIGN_IN[lang].user).fill(login);
  await page.getByLabel(SIGN_IN[lang].password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: SIGN_IN[lang].submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return { context, page };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * The pages for what wave 2 added (search, classification, reports, meeting series), driven in
 * Chromium against the real API and projections, in Korean and English.
 */
describe('web: wave 2 outcomes', () => {
  let stack: WebStack;
  let w: WorkshopFixture;
  let last = 0;

  const assign = async (title: string, agency = 'KISA', extra: object = {}) => {
    const res = await call<{ id: string; position: number }>(
      stack.api.url,
      'POST',
      '/v1/follow-ups',
      msitHead,
      {
        workshopId: w.workshopId,
        sourceId: w.actionId,
        assigneeAgency: agency,
        title,
        dueAt: inDays(5),
        ...extra,
      },
    );
    expect(res.status).toBe(201);
    last = Math.max(last, res.body.position);
    return res.body.id;
  };

  beforeAll(async () => {
    stack = await startWebStack('outcomes');
    mkdirSync(SHOTS_DIR, { recursive: true });
    w = await createWorkshop(stack.api.url);
    // a second KISA officer: the one person a task is made confidential to, and an attendee
    const kim = await call<{ id: string }>(stack.api.url, 'POST', '/v1/people', admin, {
      login: 'kim.secret',
      displayName: { ko: '김기밀', en: 'Kim Gimil' },
      email: 'kim.secret@kisa.example.kr',
      agency: 'KISA',
      roles: ['agency_officer'],
    });
    expect(kim.status).toBe(201);
    await assign('위협 정보 공유 채널 구축');
    await assign('Threat intelligence sharing procedure', 'FSI');
    await assign('금융 분야 AI 모델 보안 점검', 'FSI');
    // the views have every task before a browser looks
    const seen = await call(
      stack.api.url,
      'GET',
      `/v1/search?q=채널&minPosition=${last}`,
      msitHead,
    );
    expect(seen.status).toBe(200);
  }, 120_000);
  afterAll(() => stack?.close());

  it('searches from the masthead: a Korean term finds the task, nothing else (Korean)', async () => {
    const { context, page } = await signedIn(stack, 'msit.head', 'ko');
    try {
      const box = page.getByRole('search', { name: '통합 검색' });
      await box.getByLabel('검색어').fill('위협 정보');
      await box.getByLabel('검색어').press('Enter'); // the keyboard alone
      await page.waitForURL(/\/search\?q=/);
      await page.getByRole('heading', { name: '“위협 정보” 검색 결과', level: 1 }).waitFor();
      const results = page.getByRole('list', { name: '검색 결과(관련도 순)' });
      await results.getByRole('link', { name: '위협 정보 공유 채널 구축' }).waitFor();
      expect(await results.getByRole('listitem').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'search.ko');

      await results.getByRole('link', { name: '위협 정보 공유 채널 구축' }).click();
      await page.getByRole('heading', { name: '위협 정보 공유 채널 구축', level: 1 }).waitFor();

      await page.goto(`${stack.api.url}/search?q=${encodeURIComponent('없는 낱말')}`);
      await page.getByText('“없는 낱말”에 대한 검색 결과가 없습니다.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('searches in English, by kind (English)', async () => {
    const { context, page } = await signedIn(stack, 'msit.head', 'en', '/search');
    try {
      await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
      const form = page.getByRole('form', { name: 'Search' });
      await form.getByLabel('Words to find').fill('threat sharing');
      await form.getByLabel('What').selectOption('follow-up');
      await form.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/kind=follow-up/);
      const results = page.getByRole('list', { name: 'What was found, best match first' });
      await results.getByRole('link', { name: 'Threat intelligence sharing procedure' }).waitFor();
      expect(await results.getByRole('listitem').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'search.en');
    } finally {
      await context.close();
    }
  });

  it('classifies a follow-up at assignment, then a change takes it out of KISA’s inbox', async () => {
    const head = await signedIn(stack, 'msit.head', 'ko', `/workshops/${w.workshopId}`);
    const officer = await signedIn(stack, 'kisa.officer', 'ko', '/inbox');
    try {
      const actions = head.page.getByRole('region', { name: '합의 사항' });
      await actions.getByRole('button', { name: '후속 조치 배정', expanded: false }).click();
      const form = actions.getByRole('form', { name: '후속 조치 배정' });
      await form.getByLabel('담당 기관').selectOption('KISA');
      await form.getByLabel('과제명').fill('AI 모델 취약점 정보 공유');
      await form.getByLabel('처리 기한').fill('2026-12-11');
      await form.getByLabel('우선순위').selectOption('high');
      await form.getByRole('radio', { name: '제한', exact: true }).check();
      await form.getByRole('checkbox', { name: /^KISA · / }).check();
      expect(await seriousViolations(head.page)).toEqual([]);
      await shot(head.page, 'classification.assign.ko');
      await form.getByRole('button', { name: '후속 조치 배정' }).click();
      await actions
        .getByRole('status')
        .filter({ hasText: '후속 조치가 배정되었습니다.' })
        .waitFor();

      // the officer of the named agency has it, marked restricted
      const row = officer.page.getByRole('row').filter({ hasText: 'AI 모델 취약점 정보 공유' });
      await officer.page.reload();
      await row.waitFor();
      await row.getByText('제한: KISA').waitFor();
      await shot(officer.page, 'classification.inbox.ko');

      // the host bureau head makes it confidential to Kim alone (in English)
      await head.page.getByRole('button', { name: 'English' }).click();
      await head.page.goto(`${stack.api.url}/board`);
      await head.page.getByRole('link', { name: 'AI 모델 취약점 정보 공유' }).click();
      await head.page
        .getByRole('heading', { name: 'AI 모델 취약점 정보 공유', level: 1 })
        .waitFor();
      await head.page.getByText('Restricted: KISA').waitFor();
      await head.page.getByRole('button', { name: 'Change classification' }).click();
      const change = head.page.getByRole('form', { name: 'Change classification' });
      await change.getByRole('radio', { name: 'Confidential' }).check();
      await change.getByRole('checkbox', { name: 'Kim Gimil (KISA)' }).check();
      expect(await seriousViolations(head.page)).toEqual([]);
      await shot(head.page, 'classification.change.en');
      await change.getByRole('button', { name: 'Save classification' }).click();
      await head.page
        .getByRole('status')
        .filter({ hasText: 'The classification was changed.' })
        .waitFor();
      await head.page.getByText('Confidential (1 named)').waitFor();

      // kisa.officer is not named: the task leaves their agency's inbox, and its page is not found
      await officer.page.reload();
      await officer.page.getByRole('heading', { name: '받은 과제', level: 1 }).waitFor();
      await officer.page.getByRole('row').filter({ hasText: '위협 정보 공유 채널 구축' }).waitFor();
      expect(await row.count()).toBe(0);
      const board = await call<{ items: { followUpId: string; title: string }[] }>(
        stack.api.url,
        'GET',
        '/v1/follow-ups?limit=50',
        msitHead,
      );
      const task = board.body.items.find((i) => i.title === 'AI 모델 취약점 정보 공유')!;
      await officer.page.goto(`${stack.api.url}/follow-ups/${task.followUpId}`);
      await officer.page.getByRole('heading', { name: '찾을 수 없음', level: 1 }).waitFor();
    } finally {
      await head.context.close();
      await officer.context.close();
    }
  });

  it('downloads the board as XLSX with the page’s filters, and it matches the board (Korean)', async () => {
    const { context, page } = await signedIn(stack, 'msit.head', 'ko', '/board');
    try {
      await page.getByRole('heading', { name: '현황판', level: 1 }).waitFor();
      await page.getByLabel('기관').selectOption('FSI');
      await page.getByRole('button', { name: '조회' }).click();
      await page.waitForURL(/agency=FSI/);
      const rows = page.getByRole('row');
      await rows.filter({ hasText: 'Threat intelligence sharing procedure' }).waitFor();
      await rows.filter({ hasText: '위협 정보 공유 채널 구축' }).waitFor({ state: 'detached' });
      const shown = (await rows.allTextContents()).slice(1); // without the header
      expect(shown).toHaveLength(2);

      const downloads = page.getByRole('group', { name: '내려받기' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        downloads.getByRole('link', { name: '엑셀(XLSX) 내려받기' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^board-\d{8}\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      expect(sheet.name).toBe('현황판');
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 3)).toEqual(['과제 ID', '과제명', '담당 기관']);
      const titles: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) {
          titles.push(String(row.getCell(2).value));
          expect(row.getCell(3).value).toBe('FSI');
        }
      });
      // the same tasks as the page, in the page's order
      expect(titles).toHaveLength(shown.length);
      titles.forEach((title, i) => expect(shown[i]).toContain(title));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'board.reports.ko');
    } finally {
      await context.close();
    }
  });

  it('downloads a workshop’s progress as CSV (English)', async () => {
    const { context, page } = await signedIn(
      stack,
      'msit.head',
      'en',
      `/workshops/${w.workshopId}`,
    );
    try {
      const group = page.getByRole('group', { name: 'Progress report' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        group.getByRole('link', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^workshop-.+-progress-\d{8}\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split('\n')[0]).toContain('Task');
      expect(csv).toContain('Threat intelligence sharing procedure');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'workshop.reports.en');
    } finally {
      await context.close();
    }
  });

  it('runs a meeting series: two meetings held, open follow-ups carried over (Korean, then English)', async () => {
    const head = await signedIn(stack, 'msit.head', 'ko', `/workshops/${w.workshopId}`);
    let seriesUrl = '';
    try {
      const page = head.page;
      const section = page.getByRole('region', { name: '이 워크숍의 정례 실무 회의' });
      await section.getByText('등록된 정례 실무 회의가 없습니다.').waitFor();
      await section.getByRole('button', { name: '정례 실무 회의 시작' }).click();
      await section.getByLabel('이행할 합의 사항').selectOption({ index: 1 });
      await section.getByLabel('회의명(선택)').fill('AI 보안 실무 협의');
      await section.getByRole('form').getByRole('button', { name: '정례 실무 회의 시작' }).click();
      await page.getByRole('heading', { name: 'AI 보안 실무 협의', level: 1 }).waitFor();
      seriesUrl = page.url();

      for (const [n, at, minutes] of [
        [1, '2026-11-25T14:00', '위협 정보 공유 채널을 개설하기로 하였다.'],
        [2, '2026-12-23T14:00', '채널 운영 상황을 점검하였다.'],
      ] as const) {
        await page.getByRole('button', { name: '다음 회의 일정 등록' }).click();
        await page.getByLabel('일시').fill(at);
        await page.getByLabel('장소').fill('정부세종청사 회의실');
        await page
          .getByRole('form', { name: '다음 회의 일정 등록' })
          .getByRole('button', { name: '다음 회의 일정 등록' })
          .click();
        const meeting = page.getByRole('region', { name: new RegExp(`^제${n}차 회의`) });
        await meeting.getByText('예정').waitFor();
        await meeting.getByRole('button', { name: '회의 결과 등록' }).click();
        const form = meeting.getByRole('form', { name: '회의 결과 등록' });
        await form.getByRole('checkbox', { name: '김기밀 (KISA)' }).check();
        await form.getByLabel('회의록').fill(minutes);
        await form.getByLabel('결정 사항').fill('공유 채널 개설\n월 1회 정례 실무 회의');
        await form.getByRole('button', { name: '회의 결과 등록' }).click();
        await meeting.getByText(minutes).waitFor();
        await meeting.getByText('김기밀 (KISA)').waitFor();
      }
      const second = page.getByRole('region', { name: /^제2차 회의/ });
      const agenda = second.getByRole('table');
      await agenda
        .getByRole('row')
        .filter({ hasText: '위협 정보 공유 채널 구축' })
        .getByText('제1차 회의에서 이월')
        .waitFor();
      // every open follow-up of the workshop, each carried from the first meeting
      expect(await agenda.getByText('제1차 회의에서 이월').count()).toBe(
        (await agenda.getByRole('row').count()) - 1,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'meeting-series.ko');
    } finally {
      await head.context.close();
    }

    // KISA's officer reads the series in English: only KISA's tasks it may read on the agenda
    const officer = await signedIn(stack, 'kisa.officer', 'en', new URL(seriesUrl).pathname);
    try {
      const page = officer.page;
      await page.getByRole('heading', { name: 'AI 보안 실무 협의', level: 1 }).waitFor();
      const second = page.getByRole('region', { name: /^Meeting 2/ });
      const rows = second.getByRole('table').getByRole('row');
      await rows
        .filter({ hasText: '위협 정보 공유 채널 구축' })
        .getByText('Carried over from meeting 1')
        .waitFor();
      const texts = (await rows.allTextContents()).slice(1);
      expect(texts.every((row) => row.includes('KISA'))).toBe(true);
      expect(texts.some((row) => row.includes('AI 모델 취약점 정보 공유'))).toBe(false); // confidential to Kim
      expect(await page.getByRole('button', { name: 'Record as held' }).count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download calendar (.ics)' }).click(),
      ]);
      const ics = readFileSync((await download.path())!, 'utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'meeting-series.en');
      await page.getByRole('link', { name: 'Working-level meetings' }).click();
      await page.getByRole('link', { name: 'AI 보안 실무 협의' }).waitFor();
      await shot(page, 'meeting-series-list.en');
    } finally {
      await officer.context.close();
    }
  });

  it('drafts, sends and reads the answer of a request to OpenAI, answered through its link (Korean)', async () => {
    const head = await signedIn(stack, 'msit.head', 'ko', `/workshops/${w.workshopId}`);
    try {
      const page = head.page;
      const section = page.getByRole('region', { name: '이 워크숍의 외부 기관 정보 요청' });
      await section.getByRole('button', { name: '외부 기관 요청 작성' }).click();
      await section.getByLabel('정보 요청').selectOption({ index: 1 });
      await section
        .getByLabel('상대 기관에 보낼 메시지')
        .fill('관측한 AI 악용 피싱 지표를 공유해 주십시오.');
      await section.getByRole('form').getByRole('button', { name: '외부 기관 요청 작성' }).click();
      await page
        .getByRole('heading', { name: 'Share information on AI security threats', level: 1 })
        .waitFor();
      await page.getByText('작성 중').first().waitFor();

      await page.getByRole('button', { name: '발송' }).click();
      await page.getByLabel('답변 기한').fill('2026-12-15');
      await page.getByRole('form', { name: '발송' }).getByRole('button', { name: '발송' }).click();
      await page.getByRole('status').filter({ hasText: '요청을 발송했습니다.' }).waitFor();
      const link = page.locator('.link-box a');
      const url = new URL((await link.getAttribute('href'))!);

      // OpenAI answers through the link, without an account, in Korean
      const outside = await newContext(stack.browser, 'ko-KR');
      const answer = await outside.newPage();
      await answer.goto(`${stack.api.url}${url.pathname}${url.search}`);
      await answer.getByLabel('답변 내용').fill('피싱 지표 12건을 첨부합니다.');
      await answer.getByLabel('첨부 파일').setInputFiles({
        name: 'indicators.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('phishing-indicator-1\nphishing-indicator-2\n'),
      });
      await answer.getByRole('button', { name: '답변 보내기' }).click();
      await answer.getByText('답변을 받았습니다. 감사합니다.').waitFor();
      await outside.close();

      // the bureau sees the answer and its file; nothing is owed any more once answered in full
      await page.reload();
      const answers = page.getByRole('region', { name: '받은 답변' });
      await answers.getByText('피싱 지표 12건을 첨부합니다.').waitFor();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        answers.getByRole('link', { name: 'indicators.txt 내려받기' }).click(),
      ]);
      expect(readFileSync((await file.path())!, 'utf8')).toContain('phishing-indicator-2');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'counterpart-request.ko');

      await page.getByRole('link', { name: '외부 기관 요청' }).click();
      await page.getByRole('heading', { name: '외부 기관 정보 요청', level: 1 }).waitFor();
      await page.getByRole('checkbox', { name: '답변 대기 중인 요청만' }).uncheck();
      await page.getByRole('link', { name: 'Share information on AI security threats' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'counterpart-requests.ko');
    } finally {
      await head.context.close();
    }
  });

  it('a records officer reviews a closed task for disposal, holds it, lifts the hold and disposes of it', async () => {
    const officer = await call<{ id: string }>(stack.api.url, 'POST', '/v1/people', admin, {
      login: 'records.officer',
      displayName: { ko: '이기록', en: 'Lee Girok' },
      email: 'records@msit.example.kr',
      agency: 'MSIT',
      roles: ['records_officer'],
    });
    expect(officer.status).toBe(201);
    const password = await call(
      stack.api.url,
      'PUT',
      `/v1/people/${officer.body.id}/password`,
      admin,
      { newPassword: DEMO_PASSWORD },
    );
    expect(password.status).toBeLessThan(300);
    // a task carried out and accepted: its record's clock starts
    const id = await assign('기록물 폐기 대상 과제');
    for (const [who, verb, body] of [
      [kisaOfficer, 'acknowledge', {}],
      [kisaOfficer, 'start', {}],
      [kisaOfficer, 'submit', { response: '완료' }],
      [msitHead, 'accept', {}],
    ] as const) {
      const res = await call(stack.api.url, 'POST', `/v1/follow-ups/${id}/${verb}`, who, body);
      expect([verb, res.status]).toEqual([verb, 200]);
    }
    // six years on (a follow-up is kept five): the records clock stands there
    const clock = stack.api.app.get(RecordsClock);
    const year = new Date().getUTCFullYear();
    clock.now = () => new Date(`${year + 6}-03-02T00:00:00Z`);

    const { context, page } = await signedIn(stack, 'records.officer', 'ko');
    try {
      await page.getByRole('heading', { name: '기록물 관리', level: 1 }).waitFor();
      const row = page.getByRole('row').filter({ hasText: `follow-up-${id}` });
      await row.getByText('5년').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'records.ko');
      await row.getByRole('link', { name: `follow-up-${id}` }).click();

      await page.getByRole('button', { name: '한국어' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: `Follow-up · follow-up-${id}`, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Place legal hold' }).click();
      await page.getByLabel('Reason').fill('Audit of the 2026 workshops');
      await page
        .getByRole('form', { name: 'Place legal hold' })
        .getByRole('button', { name: 'Place legal hold' })
        .click();
      await page.getByRole('status').filter({ hasText: 'The legal hold was placed.' }).waitFor();
      await page.getByText('On legal hold: Audit of the 2026 workshops').waitFor();
      expect(await page.getByRole('button', { name: 'Approve disposal' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'record.en');

      await page.getByRole('button', { name: 'Lift legal hold' }).click();
      await page.getByLabel('Reason').fill('Audit closed');
      await page
        .getByRole('form', { name: 'Lift legal hold' })
        .getByRole('button', { name: 'Lift legal hold' })
        .click();
      await page.getByRole('status').filter({ hasText: 'The legal hold was lifted.' }).waitFor();
      await page.getByRole('button', { name: 'Approve disposal' }).click();
      await page
        .getByRole('form', { name: 'Approve disposal' })
        .getByRole('button', { name: 'Approve disposal' })
        .click();
      await page.getByText(/^Disposed on /).waitFor();
    } finally {
      await context.close();
    }
  });
});
