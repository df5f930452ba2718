import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startProjections, startTestApi, TestApi, tokenFor } from '../support/api';
import { testPool, waitFor } from '../support/database';
import { inDays } from '../support/fixtures';
import { call, Caller, JsonResponse } from '../support/http';

/**
 * Classification × every read route × who is asking: what each caller sees, with zero leaks
 * (ids, titles, counts). One workshop, three tasks assigned to KISA with NIS asked to
 * contribute (so NIS's officers read the lead while it is public):
 *   P public · R restricted to KISA · C confidential to one KISA officer (kisaNamed).
 * Set up once; the matrix is a table.
 */
type Level = 'P' | 'R' | 'C';

const as = (role: Caller['role'], agency: string | undefined, sub: string): Caller => ({
  role,
  agency,
  token: tokenFor(role, agency, sub),
});
const NAMED_ID = `kisa-named-${randomUUID()}`;
const auditorId = `auditor-${randomUUID()}`;
const hostHeadId = `msit-head-${randomUUID()}`;
const WHO = {
  hostHead: as('bureau_head', 'MSIT', hostHeadId),
  namedAgencyOfficer: as('agency_officer', 'KISA', `kisa-other-${randomUUID()}`),
  namedPerson: as('agency_officer', 'KISA', NAMED_ID),
  otherAgencyOfficer: as('agency_officer', 'NIS', `nis-${randomUUID()}`),
  auditor: as('auditor', undefined, auditorId),
} as const;
type Who = keyof typeof WHO;

/** Who sees which task (the decision in libs/follow-up/src/domain/classification.ts). */
const SEES: Record<Who, Level[]> = {
  hostHead: ['P', 'R', 'C'],
  namedAgencyOfficer: ['P', 'R'],
  namedPerson: ['P', 'R', 'C'],
  otherAgencyOfficer: ['P'], // a supporting agency (협조기관) not named by R or C
  auditor: ['P', 'R', 'C'],
};
/** Lists show an agency's own tasks: the supporting agency finds the lead only by its id. */
const LISTED: Record<Who, Level[]> = { ...SEES, otherAgencyOfficer: [] };
const LEVELS: Level[] = ['P', 'R', 'C'];
const AUDIT_REASON = { 'x-audit-reason': 'inspection 2026-17: classification matrix' };

describe('classification: every read route × level × who is asking', () => {
  let api: TestApi;
  let pool: Pool;
  let stopProjections: () => Promise<void>;
  const word = `zc${randomBytes(4).toString('hex')}`;
  const ids = {} as Record<Level, string>;
  const titleOf = (l: Level) => `${word} task ${l}`;
  let workshopId = '';
  let actionId = '';
  let position = 0;
  const baseline = {} as Record<Who, number>;

  const get = <T = Record<string, unknown>>(who: Who, path: string, headers = {}) =>
    call<T>(api.url, 'GET', path, WHO[who], undefined, headers);
  async function must<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
    const res = await call<T & { position?: number }>(api.url, 'POST', path, WHO.hostHead, body);
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    if (typeof res.body.position === 'number') position = Math.max(position, res.body.position);
    return res.body;
  }
  const kisaOpen = async (who: Who) => {
    const res = await get<{ items: { agency: string; total: number }[] }>(
      who,
      `/v1/agencies/workload?minPosition=${position}`,
    );
    expect(res.status).toBe(200);
    return res.body.items.find((i) => i.agency === 'KISA')?.total ?? 0;
  };
  const levelsIn = (found: string[]) => LEVELS.filter((l) => found.includes(ids[l]));
  const noTitles = (text: string, who: Who) =>
    LEVELS.filter((l) => !SEES[who].includes(l)).forEach((l) =>
      expect(text).not.toContain(titleOf(l)),
    );

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(6);
    stopProjections = await startProjections(pool);
    // the counts before, once the views hold everything already in the log
    position = Number(
      (await pool.query('SELECT coalesce(max(position), 0) AS p FROM events')).rows[0].p,
    );
    for (const who of Object.keys(WHO) as Who[]) {
      if (who !== 'otherAgencyOfficer') baseline[who] = await kisaOpen(who);
    }
    workshopId = (
      await must<{ id: string }>('/v1/workshops', {
        title: `${word} AI security workshop`,
        heldOn: '2026-11-18',
        hostAgency: 'MSIT',
        counterparts: ['OPENAI'],
        attendingAgencies: ['KISA', 'NIS'],
        topics: ['AI models in cybersecurity'],
      })
    ).id;
    actionId = (
      await must<{ actionId: string }>(`/v1/workshops/${workshopId}/actions`, {
        description: 'Keep working together',
        ownerAgency: 'KISA',
      })
    ).actionId;
    const classification = {
      P: undefined,
      R: { level: 'restricted', agencies: ['KISA'] },
      C: { level: 'confidential', people: [NAMED_ID] },
    };
    for (const l of LEVELS) {
      ids[l] = (
        await must<{ id: string }>('/v1/follow-ups', {
          workshopId,
          sourceId: actionId,
          assigneeAgency: 'KISA',
          title: titleOf(l),
          instructions: `${word} instructions ${l}`,
          dueAt: inDays(10),
          supportingAgencies: [{ agency: 'NIS', dueAt: inDays(5) }],
          ...(classification[l] && { classification: classification[l] }),
        })
      ).id;
      await must(`/v1/follow-ups/${ids[l]}/comments`, { body: `${word} comment on ${l}` });
    }
    // the views (board, search) have every task before the matrix reads them
    await waitFor(async () => {
      const res = await get<{ items: unknown[] }>(
        'auditor',
        `/v1/search?q=${word}&minPosition=${position}&limit=50`,
        AUDIT_REASON,
      );
      return res.status === 200 && res.body.items.length >= 6 ? true : undefined;
    }, 15_000);
  }, 30_000);

  afterAll(async () => {
    await stopProjections();
    await api.close();
    await pool.end();
  });

  const everyone = Object.keys(WHO) as Who[];

  it.each(everyone)('the board (GET /v1/follow-ups): %s', async (who) => {
    const res = await get<{ items: { followUpId: string; title: string }[] }>(
      who,
      `/v1/follow-ups?workshopId=${workshopId}&limit=100&minPosition=${position}`,
      who === 'auditor' ? AUDIT_REASON : {},
    );
    expect(res.status).toBe(200);
    expect(levelsIn(res.body.items.map((i) => i.followUpId))).toEqual(LISTED[who]);
    noTitles(JSON.stringify(res.body), who);
  });

  it.each(everyone)('the inbox (GET /v1/agencies/KISA/inbox): %s', async (who) => {
    // every page: other specs' tasks for KISA share the database
    const found: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: JsonResponse<{ items: { followUpId: string }[]; nextCursor: string | null }> =
        await get(
          who,
          `/v1/agencies/KISA/inbox?limit=100&minPosition=${position}` +
            (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
          who === 'auditor' ? AUDIT_REASON : {},
        );
      if (who === 'otherAgencyOfficer') return expect(res.status).toBe(403); // not their agency
      expect(res.status).toBe(200);
      found.push(...res.body.items.map((i) => i.followUpId));
      noTitles(JSON.stringify(res.body), who);
      cursor = res.body.nextCursor;
    }
    expect(levelsIn(found)).toEqual(LISTED[who]);
  });

  it.each(everyone)('search (GET /v1/search): %s — tasks and their comments', async (who) => {
    const res = await get<{ items: { kind: string; id: string; followUpId?: string }[] }>(
      who,
      `/v1/search?q=${word}&limit=50&minPosition=${position}`,
      who === 'auditor' ? AUDIT_REASON : {},
    );
    expect(res.status).toBe(200);
    const tasks = res.body.items.filter((i) => i.kind === 'follow-up').map((i) => i.id);
    const onComments = res.body.items
      .filter((i) => i.kind === 'comment')
      .map((i) => i.followUpId ?? '');
    expect(levelsIn(tasks)).toEqual(LISTED[who]);
    expect(levelsIn(onComments)).toEqual(LISTED[who]);
    noTitles(JSON.stringify(res.body), who);
  });

  it.each(everyone)('the CSV and XLSX exports: %s', async (who) => {
    for (const ext of ['csv', 'xlsx']) {
      const res = await fetch(
        `${api.url}/v1/follow-ups/export.${ext}?workshopId=${workshopId}&minPosition=${position}`,
        {
          headers: {
            authorization: `Bearer ${WHO[who].token}`,
            ...(who === 'auditor' ? AUDIT_REASON : {}),
          },
        },
      );
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (ext === 'csv') {
        const text = bytes.toString('utf8');
        expect(levelsIn(LEVELS.map((l) => (text.includes(ids[l]) ? ids[l] : '')))).toEqual(
          LISTED[who],
        );
        noTitles(text, who);
      } else {
        // xlsx is a zip: the shared strings are compressed, so the row count tells
        const ExcelJS = (await import('exceljs')).default;
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes as unknown as ArrayBuffer);
        const cells = book.worksheets
          .flatMap((s) => s.getSheetValues())
          .flatMap((row) => (Array.isArray(row) ? row : []))
          .map((v) => String(v ?? ''));
        const seen = LEVELS.filter((l) => cells.some((c) => c.includes(titleOf(l))));
        expect(seen).toEqual(LISTED[who]);
      }
    }
  });

  describe.each(LEVELS)('one task at level %s', (level) => {
    it.each(everyone)('%s: the task, its history and its comments', async (who) => {
      const seen = SEES[who].includes(level);
      const headers = who === 'auditor' ? AUDIT_REASON : {};
      for (const path of ['', '/history', '/comments']) {
        const res = await get(who, `/v1/follow-ups/${ids[level]}${path}`, headers);
        expect([path, res.status]).toEqual([path, seen ? 200 : 404]);
        if (!seen) expect(JSON.stringify(res.body)).not.toContain(word);
      }
    });

    it.each(everyone.filter((w) => w !== 'auditor'))(
      '%s: the audit routes are for auditors only',
      async (who) => {
        for (const path of [`/v1/audit/follow-ups/${ids[level]}`, `/v1/audit/events`]) {
          const res = await get(who, path);
          expect(res.status).toBe(403);
          expect(JSON.stringify(res.body)).not.toContain(word);
        }
      },
    );
  });

  it.each(LEVELS)(
    'the audit routes for the auditor, level %s: a classified item only with X-Audit-Reason, which the access log keeps',
    async (level) => {
      const classified = level !== 'P';
      for (const path of [
        `/v1/audit/follow-ups/${ids[level]}`,
        `/v1/audit/streams/follow-up-${ids[level]}`,
      ]) {
        const bare = await get('auditor', path);
        expect([path, bare.status]).toEqual([path, classified ? 400 : 200]);
        if (classified) {
          expect(JSON.stringify(bare.body)).toContain('X-Audit-Reason');
          expect(JSON.stringify(bare.body)).not.toContain(word);
        }
        expect((await get('auditor', path, AUDIT_REASON)).status).toBe(200);
      }
      const log = await get<{
        entries: { target: string | null; params: { reason?: string } }[];
      }>('auditor', `/v1/audit/access-log?actor=${encodeURIComponent(auditorId)}`);
      expect(log.status).toBe(200);
      const mine = log.body.entries.filter((e) => e.target === `follow-up-${ids[level]}`);
      expect(mine.map((e) => e.params.reason)).toEqual(
        expect.arrayContaining([AUDIT_REASON['x-audit-reason']]),
      );
    },
  );

  it.each(LEVELS)(
    'an auditor reads a classified task through the ordinary routes only with X-Audit-Reason, logged (level %s)',
    async (level) => {
      for (const path of [`/v1/follow-ups/${ids[level]}`, `/v1/follow-ups/${ids[level]}/history`]) {
        const bare = await get('auditor', path);
        expect([path, bare.status]).toEqual([path, level === 'P' ? 200 : 400]);
        if (level !== 'P') expect(JSON.stringify(bare.body)).not.toContain(word);
      }
      const log = await get<{
        entries: { target: string | null; params: { reason?: string; route?: string } }[];
      }>('auditor', `/v1/audit/access-log?actor=${encodeURIComponent(auditorId)}&limit=1000`);
      const routes = log.body.entries
        .filter((e) => e.target === `follow-up-${ids[level]}` && e.params.route)
        .map((e) => [e.params.route, e.params.reason]);
      // the matrix above read each one with a reason: classified reads are logged, public not
      if (level === 'P') expect(routes).toEqual([]);
      else
        expect(routes).toEqual(
          expect.arrayContaining([
            ['follow-up', AUDIT_REASON['x-audit-reason']],
            ['history', AUDIT_REASON['x-audit-reason']],
          ]),
        );
    },
  );

  it('the audit history (GET /v1/audit/events) for the auditor: a page with classified items’ events only with X-Audit-Reason, each item logged once', async () => {
    type Entry = { id: number; action: string; target: string | null; params: { reason?: string } };
    const myLog = async () =>
      (
        await get<{ entries: Entry[] }>(
          'auditor',
          `/v1/audit/access-log?actor=${encodeURIComponent(auditorId)}&limit=1000`,
        )
      ).body.entries;
    // everything the host head wrote here: the workshop, the three tasks and their comments
    const page = `/v1/audit/events?actor=${encodeURIComponent(hostHeadId)}&limit=1000`;
    const bare = await get('auditor', page);
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ details: [{ field: 'X-Audit-Reason' }] });
    expect(JSON.stringify(bare.body)).not.toContain(word);

    const before = Math.max(0, ...(await myLog()).map((e) => e.id));
    const read = await get<{ events: { streamId: string; data: unknown }[] }>(
      'auditor',
      page,
      AUDIT_REASON,
    );
    expect(read.status).toBe(200);
    const streams = read.body.events.map((e) => e.streamId.replace(/^follow-up-/, ''));
    expect(levelsIn(streams)).toEqual(LEVELS); // auditors read all, with the reason
    const reads = (await myLog()).filter((e) => e.id > before && e.action === 'replay');
    expect(reads.every((e) => e.params.reason === AUDIT_REASON['x-audit-reason'])).toBe(true);
    const items = reads.filter((e) => e.target !== 'log').map((e) => e.target ?? '');
    expect(items).toEqual(expect.arrayContaining([`follow-up-${ids.R}`, `follow-up-${ids.C}`]));
    expect(items).not.toContain(`follow-up-${ids.P}`);
    expect(items).not.toContain(`workshop-${workshopId}`);
    expect(new Set(items).size).toBe(items.length); // once per item per page

    // a page of public items needs no reason; one stream's page is that stream's read
    expect((await get('auditor', `/v1/audit/events?stream=follow-up-${ids.P}`)).status).toBe(200);
    for (const l of ['R', 'C'] as const) {
      const one = await get('auditor', `/v1/audit/events?stream=follow-up-${ids[l]}`);
      expect([l, one.status]).toEqual([l, 400]);
    }
  });

  it.each(everyone.filter((w) => w !== 'otherAgencyOfficer'))(
    'the dashboard counts (GET /v1/agencies/workload): %s counts only what it sees',
    async (who) => {
      expect((await kisaOpen(who)) - baseline[who]).toBe(LISTED[who].length);
    },
  );

  it('live updates (GET /v1/live): each caller hears only of the tasks it sees', async () => {
    const heard = {} as Record<Who, string[]>;
    const controllers: AbortController[] = [];
    await Promise.all(
      everyone.map(async (who) => {
        heard[who] = [];
        const abort = new AbortController();
        controllers.push(abort);
        const res = await fetch(`${api.url}/v1/live`, {
          headers: { authorization: `Bearer ${WHO[who].token}` },
          signal: abort.signal,
        });
        const reader = res.body!.getReader();
        void (async () => {
          const decoder = new TextDecoder();
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) return;
              for (const m of decoder.decode(value).matchAll(/"followUpId":"([^"]+)"/g))
                heard[who].push(m[1]);
            }
          } catch {
            // aborted at the end
          }
        })();
      }),
    );
    await new Promise((r) => setTimeout(r, 300)); // the streams are open
    for (const l of LEVELS) await must(`/v1/follow-ups/${ids[l]}/comments`, { body: 'live' });
    await waitFor(
      async () => (LEVELS.every((l) => heard.hostHead.includes(ids[l])) ? true : undefined),
      10_000,
    );
    await new Promise((r) => setTimeout(r, 300)); // the others had their chance too
    controllers.forEach((c) => c.abort());
    for (const who of everyone) {
      // the supporting agency hears of no change to a lead (the live feed is the lists' scope)
      const expected = who === 'otherAgencyOfficer' ? [] : SEES[who];
      expect([who, levelsIn(heard[who])]).toEqual([who, expected]);
    }
  });

  it('meeting agendas (GET /v1/meeting-series/:id): each reader sees only the items it may', async () => {
    const series = await must<{ id: string }>('/v1/meeting-series', { workshopId, actionId });
    await must(`/v1/meeting-series/${series.id}/meetings`, {
      startsAt: '2026-11-25T14:00:00+09:00',
      durationMinutes: 60,
      location: '정부세종청사',
    });
    await must(`/v1/meeting-series/${series.id}/meetings/1/held`, {
      date: '2026-11-25',
      attendees: { people: [], agencies: ['OPENAI'] },
      minutes: 'agenda',
      decisions: [],
    });
    for (const who of everyone) {
      const res = await get<{ meetings: { agenda?: { followUpId: string; title: string }[] }[] }>(
        who,
        `/v1/meeting-series/${series.id}`,
      );
      expect([who, res.status]).toEqual([who, 200]);
      const agenda = res.body.meetings[0].agenda ?? [];
      expect([who, levelsIn(agenda.map((a) => a.followUpId))]).toEqual([who, LISTED[who]]);
      noTitles(JSON.stringify(res.body), who);
      // the calendar file is the same agenda (unfolded: RFC 5545 splits long lines anywhere)
      const ics = await fetch(`${api.url}/v1/meeting-series/${series.id}/calendar.ics`, {
        headers: { authorization: `Bearer ${WHO[who].token}` },
      });
      expect([who, ics.status]).toEqual([who, 200]);
      const calendar = (await ics.text()).replace(/\r\n /g, '');
      expect([who, LEVELS.filter((l) => calendar.includes(titleOf(l)))]).toEqual([
        who,
        LISTED[who],
      ]);
    }
  });

  it.each(everyone)(
    'search (GET /v1/search): %s — meeting series and meetings, narrowed like their workshop',
    async (who) => {
      // one series per workshop: P (the public workshop), R (public when the series started,
      // then restricted to KISA: the documents move with it), C (confidential to kisaNamed)
      const series = await seriesByLevel();
      const res = await get<{ items: { kind: string; id: string; seriesId?: string }[] }>(
        who,
        `/v1/search?q=${word}-series&limit=50&minPosition=${position}`,
        who === 'auditor' ? AUDIT_REASON : {},
      );
      expect(res.status).toBe(200);
      const found = (kind: string) =>
        LEVELS.filter((l) =>
          res.body.items.some((i) => i.kind === kind && (i.seriesId ?? i.id) === series[l]),
        );
      // as the tasks: NIS attends every workshop here, and reads only the public one's series
      const expected = SEES[who];
      expect([who, found('meeting-series')]).toEqual([who, expected]);
      expect([who, found('meeting')]).toEqual([who, expected]);
      const titles = JSON.stringify(res.body);
      for (const l of LEVELS.filter((x) => !expected.includes(x)))
        expect(titles).not.toContain(`${word}-series ${l}`);
    },
  );

  it.each(everyone)(
    'the meeting series routes (GET /v1/meeting-series, /:id, /:id/calendar.ics): %s — narrowed like their workshop',
    async (who) => {
      const series = await seriesByLevel();
      const expected = SEES[who];
      for (const l of LEVELS) {
        for (const path of ['', '/calendar.ics', '/people']) {
          const res = await fetch(`${api.url}/v1/meeting-series/${series[l]}${path}`, {
            headers: { authorization: `Bearer ${WHO[who].token}` },
          });
          expect([who, l, path, res.status]).toEqual([
            who,
            l,
            path,
            expected.includes(l) ? 200 : 404,
          ]);
          if (!expected.includes(l)) expect(await res.text()).not.toContain(word);
        }
      }
      const list = await get<{ items: { id: string }[] }>(who, '/v1/meeting-series');
      expect(list.status).toBe(200);
      const listed = LEVELS.filter((l) => list.body.items.some((i) => i.id === series[l]));
      expect([who, listed]).toEqual([who, expected]);
    },
  );

  it('a command on a series by an attending bureau head: 403 where they may read it, 404 where its workshop shuts them out', async () => {
    const series = await seriesByLevel();
    const kisaHead = as('bureau_head', 'KISA', `kisa-head-${randomUUID()}`);
    for (const l of LEVELS) {
      const res = await fetch(`${api.url}/v1/meeting-series/${series[l]}/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kisaHead.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ startsAt: '2026-12-03T14:00:00+09:00' }),
      });
      // R names KISA; C names one person, not this one
      expect([l, res.status]).toEqual([l, l === 'C' ? 404 : 403]);
      expect(await res.text()).not.toContain(word);
    }
  });

  let seriesIds: Promise<Record<Level, string>> | undefined;
  /** Built once, by the first case that asks, and waited for in search. */
  function seriesByLevel(): Promise<Record<Level, string>> {
    seriesIds ??= (async () => {
      const start = async (level: Level, classification?: object) => {
        const w = classification
          ? (
              await must<{ id: string }>('/v1/workshops', {
                title: `${word} workshop for series ${level}`,
                heldOn: '2026-11-18',
                hostAgency: 'MSIT',
                counterparts: [],
                attendingAgencies: ['KISA', 'NIS'],
                topics: [],
                ...(level === 'C' && { classification }),
              })
            ).id
          : workshopId;
        const action = classification
          ? (
              await must<{ actionId: string }>(`/v1/workshops/${w}/actions`, {
                description: 'series',
                ownerAgency: 'KISA',
              })
            ).actionId
          : actionId;
        const id = (
          await must<{ id: string }>('/v1/meeting-series', {
            workshopId: w,
            actionId: action,
            title: `${word}-series ${level}`,
          })
        ).id;
        await must(`/v1/meeting-series/${id}/meetings`, {
          startsAt: '2026-11-26T14:00:00+09:00',
          durationMinutes: 60,
        });
        await must(`/v1/meeting-series/${id}/meetings/1/held`, {
          date: '2026-11-26',
          attendees: { people: [], agencies: ['KISA'] },
          minutes: `${word}-series minutes`,
          decisions: [],
        });
        if (level === 'R') await must(`/v1/workshops/${w}/classification`, { classification });
        return id;
      };
      const ids = {
        P: await start('P'),
        R: await start('R', { level: 'restricted', agencies: ['KISA'] }),
        C: await start('C', { level: 'confidential', people: [NAMED_ID] }),
      };
      await waitFor(async () => {
        const res = await get<{ items: unknown[] }>(
          'hostHead',
          `/v1/search?q=${word}-series&limit=50&minPosition=${position}`,
        );
        return res.status === 200 && res.body.items.length >= 6 ? true : undefined;
      }, 15_000);
      return ids;
    })();
    return seriesIds;
  }

  describe('the decisions, through HTTP', () => {
    it('a follow-up inherits its workshop’s classification, and may not be less strict', async () => {
      const w = await must<{ id: string }>('/v1/workshops', {
        title: `${word} restricted workshop`,
        heldOn: '2026-11-18',
        hostAgency: 'MSIT',
        counterparts: [],
        attendingAgencies: ['KISA'],
        topics: [],
        classification: { level: 'restricted', agencies: ['KISA', 'FSI'] },
      });
      const a = await must<{ actionId: string }>(`/v1/workshops/${w.id}/actions`, {
        description: 'x',
        ownerAgency: 'KISA',
      });
      const base = { workshopId: w.id, sourceId: a.actionId, title: 't', dueAt: inDays(3) };
      const inherited = await must<{ id: string }>('/v1/follow-ups', {
        ...base,
        assigneeAgency: 'KISA',
      });
      const task = await get<{ classification: unknown }>(
        'hostHead',
        `/v1/follow-ups/${inherited.id}`,
      );
      expect(task.body.classification).toEqual({ level: 'restricted', agencies: ['KISA', 'FSI'] });
      const looser = await call(api.url, 'POST', '/v1/follow-ups', WHO.hostHead, {
        ...base,
        assigneeAgency: 'KISA',
        classification: { level: 'public' },
      });
      expect(looser.status).toBe(422);
      expect(JSON.stringify(looser.body)).toContain('classification.level');
      // the assignee agency must be among the named ones
      const unnamed = await call(api.url, 'POST', '/v1/follow-ups', WHO.hostHead, {
        ...base,
        assigneeAgency: 'NIS',
      });
      expect(unnamed.status).toBe(422);
      expect(JSON.stringify(unnamed.body)).toContain('assigneeAgency');
    });

    it('raising a workshop raises its follow-ups to it (events); one that would shut out its assignee refuses the change', async () => {
      const w = await must<{ id: string }>('/v1/workshops', {
        title: `${word} cascade workshop`,
        heldOn: '2026-11-18',
        hostAgency: 'MSIT',
        counterparts: [],
        attendingAgencies: ['KISA', 'NIS'],
        topics: [],
      });
      const a = await must<{ actionId: string }>(`/v1/workshops/${w.id}/actions`, {
        description: 'x',
        ownerAgency: 'KISA',
      });
      const base = { workshopId: w.id, sourceId: a.actionId, title: 't', dueAt: inDays(3) };
      const kisa = await must<{ id: string }>('/v1/follow-ups', {
        ...base,
        assigneeAgency: 'KISA',
      });
      const nis = await must<{ id: string }>('/v1/follow-ups', { ...base, assigneeAgency: 'NIS' });
      const classify = (classification: unknown) =>
        call(api.url, 'POST', `/v1/workshops/${w.id}/classification`, WHO.hostHead, {
          classification,
        });
      const levelOf = async (id: string) =>
        (await get<{ classification?: unknown }>('hostHead', `/v1/follow-ups/${id}`)).body
          .classification;
      // NIS's task would be shut out of a workshop restricted to KISA: refused, nothing written
      const refused = await classify({ level: 'restricted', agencies: ['KISA'] });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).toContain(nis.id);
      expect(await levelOf(kisa.id)).toBeUndefined();
      const workshop = await get<{ classification?: unknown }>('hostHead', `/v1/workshops/${w.id}`);
      expect(workshop.body.classification).toBeUndefined();
      // both named: both tasks are raised, each by an event of its own
      const raised = await classify({ level: 'restricted', agencies: ['KISA', 'NIS'] });
      expect(raised.status).toBe(200);
      for (const id of [kisa.id, nis.id]) {
        expect(await levelOf(id)).toEqual({ level: 'restricted', agencies: ['KISA', 'NIS'] });
      }
      const history = await get<{ items?: { type: string }[]; events?: { type: string }[] }>(
        'hostHead',
        `/v1/follow-ups/${kisa.id}/history`,
      );
      const types = (history.body.items ?? history.body.events ?? []).map((e) => e.type);
      expect(types.filter((t) => t === 'FollowUpClassificationChanged')).toHaveLength(1);
      // and a task may not be lowered below its workshop's
      const lowered = await call(
        api.url,
        'POST',
        `/v1/follow-ups/${kisa.id}/classification`,
        WHO.hostHead,
        { classification: { level: 'public' } },
      );
      expect(lowered.status).toBe(422);
      expect(JSON.stringify(lowered.body)).toContain('classification.level');
    });

    it('the host bureau head raises and lowers a task’s classification; each is an event', async () => {
      const path = `/v1/follow-ups/${ids.P}/classification`;
      const raised = await call<{ position: number }>(api.url, 'POST', path, WHO.hostHead, {
        classification: { level: 'confidential', people: [NAMED_ID] },
      });
      expect(raised.status).toBe(200);
      expect((await get('namedAgencyOfficer', `/v1/follow-ups/${ids.P}`)).status).toBe(404);
      expect((await get('namedPerson', `/v1/follow-ups/${ids.P}`)).status).toBe(200);
      // an officer may not change it
      const byOfficer = await call(api.url, 'POST', path, WHO.namedPerson, {
        classification: { level: 'public' },
      });
      expect(byOfficer.status).toBe(403);
      const lowered = await call(api.url, 'POST', path, WHO.hostHead, {
        classification: { level: 'public' },
      });
      expect(lowered.status).toBe(200);
      expect((await get('namedAgencyOfficer', `/v1/follow-ups/${ids.P}`)).status).toBe(200);
      const history = await get<{ items?: { type: string }[]; events?: { type: string }[] }>(
        'hostHead',
        `/v1/follow-ups/${ids.P}/history`,
      );
      const types = (history.body.items ?? history.body.events ?? []).map((e) => e.type);
      expect(types.filter((t) => t === 'FollowUpClassificationChanged')).toHaveLength(2);
    });

    it.each([
      [{ level: 'secret' }, 400, 'classification.level'],
      [{ level: 'restricted', agencies: ['kisa'] }, 400, 'classification.agencies'],
      [{ level: 'restricted', agencies: ['NOPE'] }, 422, 'classification.agencies[0]'],
      [{ level: 'restricted' }, 422, 'classification.agencies'],
      [{ level: 'confidential' }, 422, 'classification.people'],
      [{ level: 'public', agencies: ['KISA'] }, 422, 'classification.agencies'],
    ])('bad input %j → %i naming %s', async (classification, status, field) => {
      const res = await call(api.url, 'POST', '/v1/workshops', WHO.hostHead, {
        title: 'x',
        heldOn: '2026-11-18',
        hostAgency: 'MSIT',
        counterparts: [],
        attendingAgencies: [],
        topics: [],
        classification,
      });
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).toContain(`"${field}"`);
    });
  });
});
