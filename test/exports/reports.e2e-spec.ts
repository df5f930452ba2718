import ExcelJS from 'exceljs';
import { Pool } from 'pg';
import { startProjections, startTestApi, TestApi } from '../support/api';
import { testPool } from '../support/database';
import { auditor, inDays, kisaOfficer, msitHead } from '../support/fixtures';
import { call, caller, Caller } from '../support/http';

const kisaHead = caller('bureau_head', 'KISA');

/** RFC 4180 with CRLF rows, as the export writes it (quoted fields may hold line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/**
 * Reports through HTTP: the board (CSV and XLSX) with the board's filters, scope and sort, and a
 * workshop's progress, read back (the XLSX with exceljs); Korean or English headers; formulas
 * defused; bad input named.
 */
describe('reports (CSV and XLSX)', () => {
  let api: TestApi;
  let pool: Pool;
  let stopProjections: () => Promise<void>;
  let lastPosition = 0;
  let workshopId: string;
  let otherWorkshopId: string;
  const tasks: Record<string, string> = {};

  async function must<T = Record<string, unknown>>(
    method: string,
    path: string,
    who: Caller,
    body?: unknown,
  ) {
    const res = await call<T & { position?: number }>(api.url, method, path, who, body);
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    if (typeof res.body.position === 'number')
      lastPosition = Math.max(lastPosition, res.body.position);
    return res.body;
  }
  const get = (path: string, who: Caller, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, {
      headers: { authorization: `Bearer ${who.token}`, ...headers },
    });
  const csv = async (path: string, who: Caller, headers?: Record<string, string>) => {
    const res = await get(path, who, headers);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    return { res, rows: parseCsv(bytes.toString('utf8').slice(1)) };
  };
  const xlsx = async (path: string, who: Caller) => {
    const res = await get(path, who);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    return workbook;
  };

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(10);
    stopProjections = await startProjections(pool);
    ({ id: workshopId } = await must<{ id: string }>('POST', '/v1/workshops', msitHead, {
      title: 'AI 보안 워크숍 (reports)',
      heldOn: '2026-11-18',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['KISA', 'NIS'],
      topics: [],
    }));
    const { actionId } = await must<{ actionId: string }>(
      'POST',
      `/v1/workshops/${workshopId}/actions`,
      msitHead,
      {
        description: '실무 협의 지속',
        ownerAgency: 'MSIT',
      },
    );
    const { requestId } = await must<{ requestId: string }>(
      'POST',
      `/v1/workshops/${workshopId}/info-requests`,
      msitHead,
      {
        subject: 'AI 보안 위협 정보 공유 요청',
        requestedBy: 'MSIT',
        requestedFrom: 'OPENAI',
      },
    );
    const assign = async (
      assigneeAgency: string,
      title: string,
      days: number,
      w = workshopId,
      source = actionId,
      who = msitHead,
    ) =>
      (
        await must<{ id: string }>('POST', '/v1/follow-ups', who, {
          workshopId: w,
          sourceId: source,
          assigneeAgency,
          title,
          dueAt: inDays(days),
        })
      ).id;
    tasks.formula = await assign('KISA', '=HYPERLINK("http://evil.example","클릭")', 3);
    tasks.quoted = await assign('KISA', '위협 정보, "공유" 채널\n둘째 줄', 5);
    tasks.nis = await assign('NIS', '국정원 분석 보고', 7);
    tasks.done = await assign('KISA', '완료된 과제', 9, workshopId, requestId);
    for (const [who, verb, body] of [
      [kisaOfficer, 'acknowledge', {}],
      [kisaOfficer, 'start', {}],
      [kisaOfficer, 'submit', { response: '제출' }],
      [msitHead, 'accept', {}],
    ] as const) {
      await must('POST', `/v1/follow-ups/${tasks.done}/${verb}`, who, body);
    }
    ({ id: otherWorkshopId } = await must<{ id: string }>('POST', '/v1/workshops', kisaHead, {
      title: 'KISA workshop',
      heldOn: '2026-11-19',
      hostAgency: 'KISA',
      counterparts: [],
      attendingAgencies: ['FSC'],
      topics: [],
    }));
    const { actionId: otherAction } = await must<{ actionId: string }>(
      'POST',
      `/v1/workshops/${otherWorkshopId}/actions`,
      kisaHead,
      { description: 'inspect', ownerAgency: 'KISA' },
    );
    tasks.otherHost = await assign(
      'KISA',
      'KISA가 주관하는 과제',
      4,
      otherWorkshopId,
      otherAction,
      kisaHead,
    );
  });
  afterAll(async () => {
    await stopProjections();
    await api.close();
    await pool.end();
  });

  it('CSV: the filtered board in the board’s order, Korean headers, formulas defused', async () => {
    const { res, rows } = await csv(
      `/v1/follow-ups/export.csv?workshopId=${workshopId}&open=true`,
      msitHead,
    );
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="board-\d{8}\.csv"$/,
    );
    const [header, ...body] = rows;
    expect(header.slice(0, 5)).toEqual(['과제 ID', '과제명', '담당 기관', '담당자', '상태']);
    const board = await call<{ items: { followUpId: string }[] }>(
      api.url,
      'GET',
      `/v1/follow-ups?workshopId=${workshopId}&open=true&minPosition=${lastPosition}`,
      msitHead,
    );
    expect(body.map((r) => r[0])).toEqual(board.body.items.map((i) => i.followUpId));
    expect(body.map((r) => r[0])).toEqual([tasks.formula, tasks.quoted, tasks.nis]);
    expect(body[0][1]).toBe('\'=HYPERLINK("http://evil.example","클릭")');
    expect(body[1][1]).toBe('위협 정보, "공유" 채널\n둘째 줄');
    expect(body[0][4]).toBe('배정됨');
    expect(body[0][6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('headers in English by Accept-Language, and ?lang= wins over it', async () => {
    const en = await csv(`/v1/follow-ups/export.csv?workshopId=${workshopId}`, msitHead, {
      'accept-language': 'en-US,en;q=0.9,ko;q=0.5',
    });
    expect(en.rows[0].slice(0, 2)).toEqual(['Task ID', 'Title']);
    expect(en.rows.find((r) => r[0] === tasks.done)![4]).toBe('accepted');
    const ko = await csv(`/v1/follow-ups/export.csv?workshopId=${workshopId}&lang=ko`, msitHead, {
      'accept-language': 'en',
    });
    expect(ko.rows[0][0]).toBe('과제 ID');
    expect(ko.rows.find((r) => r[0] === tasks.done)![4]).toBe('완료(승인)');
  });

  it('holds nothing out of scope: another host’s tasks, another agency’s tasks', async () => {
    const head = await csv('/v1/follow-ups/export.csv?agency=KISA', msitHead);
    const ids = head.rows.slice(1).map((r) => r[0]);
    expect(ids).toEqual(expect.arrayContaining([tasks.formula, tasks.quoted, tasks.done]));
    expect(ids).not.toContain(tasks.otherHost);
    expect(head.rows.slice(1).every((r) => r[10] === 'MSIT' && r[2] === 'KISA')).toBe(true);
    const officer = await csv(`/v1/follow-ups/export.csv?workshopId=${workshopId}`, kisaOfficer);
    expect(
      officer.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([tasks.formula, tasks.quoted, tasks.done].sort());
  });

  it('streams a large board page by page: every row once', async () => {
    // More tasks than one board page, made here (in a workshop of their own, so the other
    // specs' counts hold): the spec must not lean on what other suites left in the database.
    const bulk = await must<{ id: string }>('POST', '/v1/workshops', msitHead, {
      title: '대량 과제 워크숍',
      heldOn: '2026-11-20',
      hostAgency: 'MSIT',
      counterparts: [],
      attendingAgencies: ['NIS'],
      topics: [],
    });
    const { actionId } = await must<{ actionId: string }>(
      'POST',
      `/v1/workshops/${bulk.id}/actions`,
      msitHead,
      { description: '대량 배정', ownerAgency: 'MSIT' },
    );
    for (let batch = 0; batch < 11; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          must('POST', '/v1/follow-ups', msitHead, {
            workshopId: bulk.id,
            sourceId: actionId,
            assigneeAgency: 'NIS',
            title: `대량 과제 ${batch * 20 + i}`,
            dueAt: inDays(10),
          }),
        ),
      );
    }
    const all = await csv('/v1/follow-ups/export.csv', auditor);
    const ids = all.rows.slice(1).map((r) => r[0]);
    expect(ids.length).toBeGreaterThan(200); // more than one page of the board
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(Object.values(tasks)));
  });

  it('XLSX: the same filtered board, read back with exceljs', async () => {
    const workbook = await xlsx(
      `/v1/follow-ups/export.xlsx?workshopId=${workshopId}&status=assigned,accepted`,
      msitHead,
    );
    const sheet = workbook.getWorksheet('현황판')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 2)).toEqual(['과제 ID', '과제명']);
    const ids = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)[0]);
    const board = await call<{ items: { followUpId: string }[] }>(
      api.url,
      'GET',
      `/v1/follow-ups?workshopId=${workshopId}&status=assigned,accepted&minPosition=${lastPosition}`,
      msitHead,
    );
    expect(ids).toEqual(board.body.items.map((i) => i.followUpId));
    expect(ids).toHaveLength(4);
    const formulaRow = sheet.getRow(2);
    expect(formulaRow.getCell(2).type).toBe(ExcelJS.ValueType.String); // text, never a formula
    expect(formulaRow.getCell(2).value).toBe('=HYPERLINK("http://evil.example","클릭")');
    expect(formulaRow.getCell(7).value).toBeInstanceOf(Date);
    expect(ids).not.toContain(tasks.otherHost);
  });

  it('a workshop’s progress as CSV and XLSX: each source with its tasks, and the counts', async () => {
    const { rows } = await csv(`/v1/workshops/${workshopId}/progress.csv`, msitHead);
    expect(rows[0].slice(0, 5)).toEqual(['구분', '내용', '주관 기관', '목표일', '과제 ID']);
    expect(rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['합의 사항', tasks.formula],
      ['합의 사항', tasks.quoted],
      ['합의 사항', tasks.nis],
      ['정보 요청', tasks.done],
    ]);
    const workbook = await xlsx(`/v1/workshops/${workshopId}/progress.xlsx?lang=en`, msitHead);
    const summary = workbook.getWorksheet('Summary')!;
    const pairs = new Map(
      Array.from({ length: summary.rowCount - 1 }, (_, i) => {
        const v = (summary.getRow(i + 2).values as unknown[]).slice(1);
        return [v[0], v[1]];
      }),
    );
    expect(pairs.get('Follow-ups (all)')).toBe(4);
    expect(pairs.get('accepted')).toBe(1);
    expect(workbook.getWorksheet('Progress')!.rowCount).toBe(5);
    expect((await get(`/v1/workshops/${workshopId}/progress.csv`, kisaHead)).status).toBe(404);
    expect((await get(`/v1/workshops/${workshopId}/progress.xlsx`, kisaOfficer)).status).toBe(403);
  });

  it('bad input is a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/v1/follow-ups/export.csv?status=bogus', 'status'],
      ['/v1/follow-ups/export.xlsx?overdue=maybe', 'overdue'],
      ['/v1/follow-ups/export.csv?lang=fr', 'lang'],
      ['/v1/follow-ups/export.csv?workshopId=nope', 'workshopId'],
      ['/v1/follow-ups/export.csv?sort=title', 'sort'],
      ['/v1/workshops/nope/progress.csv', 'id'],
      [`/v1/workshops/${workshopId}/progress.xlsx?lang=de`, 'lang'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path, msitHead);
      expect([path, res.status]).toEqual([path, 400]);
      expect(await res.text()).toContain(field);
    }
  });
});
