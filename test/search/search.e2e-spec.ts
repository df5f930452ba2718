import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { startTestApi, TestApi } from '../support/api';
import { EventWakeUps } from '@liaison/event-store';
import { createProjectionRunners } from '@liaison/views';
import { testPool, waitFor } from '../support/database';
import { admin, auditor, inDays, kisaOfficer, msitHead, nisOfficer } from '../support/fixtures';
import { call, caller, Caller } from '../support/http';

interface Hit {
  kind: string;
  id: string;
  title: string;
  snippet: string;
  followUpId?: string;
  seriesId?: string;
  number?: number;
}
interface Page {
  items: Hit[];
  nextCursor: string | null;
  stale: boolean;
}

const kisaHead = caller('bureau_head', 'KISA');
const fscOfficer = caller('agency_officer', 'FSC');

/** Three random Hangul syllables: a word no other spec's data holds, so results are exact. */
const randomHangul = (n: number) =>
  String.fromCodePoint(
    ...[...randomBytes(n * 2)]
      .map((b, i, a) => 0xac00 + (((b << 8) | a[i ^ 1]) % 11172))
      .filter((_, i) => i % 2 === 0),
  );

/**
 * Search through HTTP with the projection runners running: Korean (a trigram query and a two-
 * syllable one) and English, ranked and paged, across follow-ups, comments, workshops and
 * meetings — and nothing the caller may not read, before and after a reassignment.
 */
describe('search', () => {
  let api: TestApi;
  let pool: Pool;
  let stopProjections: () => Promise<void>;
  let lastPosition = 0;
  const ko = randomHangul(3);
  const en = `zq${randomBytes(3).toString('hex')}`;
  const ids: Record<string, string> = {};

  async function must<T = Record<string, unknown>>(
    method: string,
    path: string,
    who: Caller,
    body?: unknown,
  ): Promise<T> {
    const res = await call<T & { position?: number }>(api.url, method, path, who, body);
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    if (typeof res.body.position === 'number')
      lastPosition = Math.max(lastPosition, res.body.position);
    return res.body;
  }
  const search = (who: Caller, query: string) =>
    call<Page>(api.url, 'GET', `/v1/search?${query}&minPosition=${lastPosition}`, who);
  const found = async (who: Caller, q: string) => {
    const res = await search(who, `q=${encodeURIComponent(q)}&limit=50`);
    expect(res.status).toBe(200);
    expect(res.body.stale).toBe(false);
    return res.body.items
      .map((i) => `${i.kind}:${i.kind === 'meeting' ? `${i.id}#${i.number}` : i.id}`)
      .sort();
  };

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(10);
    const wakeUps = new EventWakeUps(pool);
    await wakeUps.start();
    const runners = createProjectionRunners({
      pool,
      store: new EventStore(pool),
      wakeUps,
      pollIntervalMs: 50,
      onError: (name, err) => console.error(`projection ${name}`, err),
    });
    runners.start();
    stopProjections = async () => {
      await runners.stop();
      await wakeUps.stop();
    };
    const workshop = await must<{ id: string }>('POST', '/v1/workshops', msitHead, {
      title: `${ko} AI 보안 워크숍`,
      heldOn: '2026-11-18',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['KISA', 'NIS'],
      topics: ['AI models in cybersecurity'],
      summary: `Workshop on ${en} frontier model threats`,
    });
    ids.workshop = workshop.id;
    const { actionId } = await must<{ actionId: string }>(
      'POST',
      `/v1/workshops/${workshop.id}/actions`,
      msitHead,
      { description: `${ko} 실무 협의 지속`, ownerAgency: 'MSIT' },
    );
    const assign = async (
      assigneeAgency: string,
      title: string,
      instructions: string,
      w = workshop.id,
      a = actionId,
      who = msitHead,
    ) =>
      (
        await must<{ id: string }>('POST', '/v1/follow-ups', who, {
          workshopId: w,
          sourceId: a,
          assigneeAgency,
          title,
          instructions,
          dueAt: inDays(10),
        })
      ).id;
    ids.kisaTask = await assign(
      'KISA',
      `${ko} 위협 정보 공유 채널 구축`,
      `Set up a ${en} threat-sharing channel`,
    );
    ids.nisTask = await assign('NIS', `${ko} 국정원 분석 보고서`, `NIS ${en} analysis report`);

    // A workshop KISA hosts, with a task for FSC: MSIT's people must never find it.
    const other = await must<{ id: string }>('POST', '/v1/workshops', kisaHead, {
      title: `${ko} 금융 부문 워크숍 ${en}`,
      heldOn: '2026-11-19',
      hostAgency: 'KISA',
      counterparts: [],
      attendingAgencies: ['FSC'],
      topics: [],
    });
    ids.otherWorkshop = other.id;
    const { actionId: otherAction } = await must<{ actionId: string }>(
      'POST',
      `/v1/workshops/${other.id}/actions`,
      kisaHead,
      { description: 'inspect', ownerAgency: 'FSC' },
    );
    ids.fscTask = await assign(
      'FSC',
      `${ko} 금융 부문 점검`,
      `${en} inspection`,
      other.id,
      otherAction,
      kisaHead,
    );

    // The comment as the log holds it (FollowUpCommented, the contract's shape), appended here
    // so this spec depends on the comment event, not on the comment route's rules.
    const store = new EventStore(pool);
    ids.comment = randomUUID();
    const appended = await store.append(`follow-up-${ids.kisaTask}`, [
      {
        type: 'FollowUpCommented',
        data: {
          followUpId: ids.kisaTask,
          commentId: ids.comment,
          body: `OpenAI가 ${en} 침해 지표를 공유함`,
          mentions: [],
          side: 'assignee',
        },
        metadata: {
          actor: 'kisa.officer',
          role: 'agency_officer',
          agency: 'KISA',
          correlation_id: randomUUID(),
        },
      },
    ]);
    lastPosition = Math.max(lastPosition, appended.position);

    const series = await must<{ id: string }>('POST', '/v1/meeting-series', msitHead, {
      workshopId: workshop.id,
      actionId,
    });
    ids.series = series.id;
    await must('POST', `/v1/meeting-series/${series.id}/meetings`, msitHead, {
      startsAt: '2026-11-25T14:00:00+09:00',
    });
    await must('POST', `/v1/meeting-series/${series.id}/meetings/1/held`, msitHead, {
      date: '2026-11-25',
      attendees: { people: [], agencies: ['OPENAI'] },
      minutes: `${ko} 실무 회의: 공유 채널 개설에 합의함 (${en})`,
      decisions: ['공유 채널 개설'],
    });
    // The first run of the search subscription replays the whole test log: wait for it once.
    await waitFor(
      async () => !(await search(auditor, `q=${en}`)).body.stale,
      25_000,
      'the search projection to catch up',
    );
  }, 30_000);
  afterAll(async () => {
    await stopProjections();
    await api.close();
    await pool.end();
  });

  const k = {
    workshop: () => `workshop:${ids.workshop}`,
    otherWorkshop: () => `workshop:${ids.otherWorkshop}`,
    kisaTask: () => `follow-up:${ids.kisaTask}`,
    nisTask: () => `follow-up:${ids.nisTask}`,
    fscTask: () => `follow-up:${ids.fscTask}`,
    comment: () => `comment:${ids.comment}`,
    series: () => `meeting-series:${ids.series}`,
    meeting: () => `meeting:${ids.series}#1`,
  };

  it('finds in Korean across follow-ups, comments, workshops and meetings, within the host’s scope', async () => {
    expect(await found(msitHead, ko)).toEqual(
      [k.workshop(), k.kisaTask(), k.nisTask(), k.series(), k.meeting()].sort(),
    );
    expect(await found(kisaHead, ko)).toEqual(
      [k.otherWorkshop(), k.fscTask(), k.series(), k.meeting()].sort(),
    );
  });

  it('an officer finds only their agency’s tasks and comments and the meetings it attends', async () => {
    expect(await found(kisaOfficer, ko)).toEqual([k.kisaTask(), k.series(), k.meeting()].sort());
    expect(await found(kisaOfficer, en)).toEqual([k.kisaTask(), k.comment(), k.meeting()].sort());
    expect(await found(nisOfficer, en)).toEqual([k.nisTask(), k.meeting()].sort());
    expect(await found(fscOfficer, en)).toEqual([k.fscTask()]);
    expect(await found(auditor, en)).toEqual(
      [
        k.workshop(),
        k.otherWorkshop(),
        k.kisaTask(),
        k.nisTask(),
        k.fscTask(),
        k.comment(),
        k.meeting(),
      ].sort(),
    );
  });

  it('English: every word must match, any case; the snippet shows the match', async () => {
    expect(await found(msitHead, `THREAT-sharing ${en.toUpperCase()}`)).toEqual([k.kisaTask()]);
    const res = await search(msitHead, `q=${encodeURIComponent(`침해 ${en}`)}`);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        kind: 'comment',
        id: ids.comment,
        followUpId: ids.kisaTask,
        title: `${ko} 위협 정보 공유 채널 구축`,
        snippet: `OpenAI가 ${en} 침해 지표를 공유함`,
      }),
    ]);
  });

  it('short Korean queries: two syllables match anywhere in a word, one syllable titles only', async () => {
    expect(await found(msitHead, ko.slice(0, 2))).toEqual(await found(msitHead, ko));
    // the middle of a word too (보안 in 정보보안): the two-character grams hold every pair
    expect(await found(msitHead, ko.slice(1, 3))).toEqual(await found(msitHead, ko));
    // a comment matches its own words, not its task's title
    expect(await found(msitHead, ko)).not.toContain(k.comment());
    expect(await found(msitHead, `공유 ${en}`)).toEqual(
      [k.kisaTask(), k.comment(), k.meeting()].sort(),
    );
    const one = await search(msitHead, `q=${encodeURIComponent(ko[0])}&limit=50`);
    expect(one.status).toBe(200);
    for (const item of one.body.items) expect(item.title).toContain(ko[0]);
  });

  it('ranks title matches first and pages without repeats', async () => {
    const first = await search(auditor, `q=${en}&limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items[0].title).toContain(en); // the KISA workshop's title holds it
    const second = await search(auditor, `q=${en}&limit=3&cursor=${first.body.nextCursor}`);
    const third = await search(auditor, `q=${en}&limit=3&cursor=${second.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items, ...third.body.items].map(
      (i) => `${i.kind}:${i.id}:${i.number ?? ''}`,
    );
    expect(new Set(all).size).toBe(7);
    expect(third.body.nextCursor).toBeNull();
  });

  it('a reassigned task and its comments leave the former agency’s results', async () => {
    await must('POST', `/v1/follow-ups/${ids.kisaTask}/reassign`, msitHead, {
      assigneeAgency: 'FSC',
      reason: '금융 부문 소관',
    });
    expect(await found(kisaOfficer, ko)).toEqual([k.series(), k.meeting()].sort());
    expect(await found(kisaOfficer, en)).toEqual([k.meeting()]);
    expect(await found(fscOfficer, en)).toEqual([k.kisaTask(), k.comment(), k.fscTask()].sort());
  });

  it('bad input is a 400 naming the field; admins read nothing (403)', async () => {
    const cases: [string, string][] = [
      ['', 'q'],
      ['q=%20%20', 'q'],
      [`q=${'가'.repeat(101)}`, 'q'],
      ['q=abc&limit=0', 'limit'],
      ['q=abc&kind=meetings', 'kind'],
      ['q=abc&cursor=bogus', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await call(api.url, 'GET', `/v1/search?${query}`, msitHead);
      expect([query, res.status]).toEqual([query, 400]);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await call(api.url, 'GET', '/v1/search?q=abc', admin)).status).toBe(403);
  });
});
