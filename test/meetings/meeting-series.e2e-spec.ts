import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { startTestApi, TestApi } from '../support/api';
import { admin, auditor, inDays, kisaOfficer, msitHead, nisOfficer } from '../support/fixtures';
import { call, caller, Caller } from '../support/http';

interface AgendaItem {
  followUpId: string;
  title: string;
  assigneeAgency: string;
  status: string;
  version: number;
  carriedFrom?: number;
}
interface SeriesDetail {
  id: string;
  workshopId: string;
  actionId: string;
  title: string;
  meetings: {
    number: number;
    status: string;
    minutes?: string;
    decisions?: string[];
    attendees?: { people: string[]; agencies: string[] };
    agenda?: AgendaItem[];
  }[];
}

const fscOfficer = caller('agency_officer', 'FSC');
const kisaHead = caller('bureau_head', 'KISA');

async function must<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  who: Caller,
  body?: unknown,
): Promise<T> {
  const res = await call<T>(url, method, path, who, body);
  if (res.status >= 300)
    throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Working-level meeting series through HTTP: started from an agreed action, meetings scheduled
 * and held with people of the directory, the workshop's open follow-ups carried on each agenda
 * (recorded in MeetingHeld, read from the log), read by the attending agencies only, exported
 * as iCalendar and read back with ical.js.
 */
describe('meeting series (실무 협의)', () => {
  let api: TestApi;
  let workshopId: string;
  let actionId: string;
  let seriesId: string;
  let kimId: string;
  const tasks: Record<'channel' | 'threats' | 'closed' | 'nis', string> = {} as never;

  const assign = async (assigneeAgency: string, title: string, days: number) =>
    (
      await must<{ id: string }>(api.url, 'POST', '/v1/follow-ups', msitHead, {
        workshopId,
        sourceId: actionId,
        assigneeAgency,
        title,
        dueAt: inDays(days),
      })
    ).id;
  const verb = (id: string, who: Caller, v: string, body: object = {}) =>
    must(api.url, 'POST', `/v1/follow-ups/${id}/${v}`, who, body);
  const acceptAll = async (id: string) => {
    await verb(id, kisaOfficer, 'acknowledge');
    await verb(id, kisaOfficer, 'start');
    await verb(id, kisaOfficer, 'submit', { response: '완료' });
    await verb(id, msitHead, 'accept');
  };
  const detail = (who: Caller) =>
    call<SeriesDetail>(api.url, 'GET', `/v1/meeting-series/${seriesId}`, who);

  beforeAll(async () => {
    api = await startTestApi();
    ({ id: workshopId } = await must<{ id: string }>(api.url, 'POST', '/v1/workshops', msitHead, {
      title: 'AI 보안 워크숍 (OpenAI)',
      heldOn: '2026-11-18',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['KISA', 'NIS'],
      topics: ['AI models in cybersecurity'],
    }));
    ({ actionId } = await must<{ actionId: string }>(
      api.url,
      'POST',
      `/v1/workshops/${workshopId}/actions`,
      msitHead,
      { description: '실무 협의 지속 (continue working-level discussions)', ownerAgency: 'MSIT' },
    ));
    tasks.channel = await assign('KISA', '실무 협의 채널 구축', 5);
    tasks.threats = await assign('KISA', '위협 정보 공유 절차 마련', 9);
    tasks.nis = await assign('NIS', '국정원 위협 분석 공유', 7);
    tasks.closed = await assign('KISA', '이미 끝난 과제', 3);
    await acceptAll(tasks.closed);
    const suffix = randomUUID().slice(0, 8);
    ({ id: kimId } = await must<{ id: string }>(api.url, 'POST', '/v1/people', admin, {
      login: `kim.meeting.${suffix}`,
      displayName: { ko: '김실무', en: 'Kim Silmu' },
      email: `kim.${suffix}@example.go.kr`,
      agency: 'KISA',
      roles: ['agency_officer'],
    }));
  });
  afterAll(() => api.close());

  it('starts a series from the agreed action; only the host bureau head may', async () => {
    const refused = await call(api.url, 'POST', '/v1/meeting-series', kisaHead, {
      workshopId,
      actionId,
    });
    expect(refused.status).toBe(404);
    const started = await call<{ id: string; version: number }>(
      api.url,
      'POST',
      '/v1/meeting-series',
      msitHead,
      { workshopId, actionId },
    );
    expect(started.status).toBe(201);
    seriesId = started.body.id;
    expect((await detail(msitHead)).body).toMatchObject({
      workshopId,
      actionId,
      title: '실무 협의 지속 (continue working-level discussions)',
    });
  });

  it('holds the first meeting with minutes, and its agenda carries the open follow-ups', async () => {
    const scheduled = await call<{ number: number }>(
      api.url,
      'POST',
      `/v1/meeting-series/${seriesId}/meetings`,
      msitHead,
      {
        startsAt: '2026-11-25T14:00:00+09:00',
        durationMinutes: 90,
        location: '정부세종청사 회의실',
      },
    );
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.number).toBe(1);
    const held = await call(
      api.url,
      'POST',
      `/v1/meeting-series/${seriesId}/meetings/1/held`,
      msitHead,
      {
        date: '2026-11-25',
        attendees: { people: [kimId], agencies: ['OPENAI'] },
        minutes: '위협 정보 공유 채널을 개설하기로 하였다.',
        decisions: ['공유 채널 개설', '월 1회 정례 실무 회의'],
      },
    );
    expect(held.status).toBe(200);

    const meeting = (await detail(msitHead)).body.meetings[0];
    expect(meeting).toMatchObject({
      status: 'held',
      attendees: { people: [kimId], agencies: ['OPENAI'] },
    });
    expect(meeting.agenda!.map((a) => a.followUpId).sort()).toEqual(
      [tasks.channel, tasks.threats, tasks.nis].sort(),
    );
    expect(meeting.agenda!.every((a) => a.carriedFrom === undefined)).toBe(true);

    // The carried set is in the event itself, with the follow-up versions it was read at.
    const stream = await call<{ events: { type: string; data: { agenda: AgendaItem[] } }[] }>(
      api.url,
      'GET',
      `/v1/audit/streams/meeting-series-${seriesId}`,
      auditor,
    );
    const heldEvent = stream.body.events.find((e) => e.type === 'MeetingHeld')!;
    expect(heldEvent.data.agenda.map((a) => a.followUpId)).toContain(tasks.channel);
    expect(heldEvent.data.agenda.find((a) => a.followUpId === tasks.channel)!.version).toBe(1);
  });

  it('carries over to the next meeting what is still open, marking where it came from', async () => {
    await acceptAll(tasks.threats);
    await must(api.url, 'POST', `/v1/meeting-series/${seriesId}/meetings`, msitHead, {
      startsAt: '2026-12-23T14:00:00+09:00',
    });
    await must(api.url, 'POST', `/v1/meeting-series/${seriesId}/meetings/2/held`, msitHead, {
      date: '2026-12-23',
      attendees: { people: [kimId] },
      minutes: '채널 운영 점검.',
      decisions: [],
    });
    const agenda = (await detail(msitHead)).body.meetings[1].agenda!;
    expect(agenda.map((a) => [a.followUpId, a.carriedFrom]).sort()).toEqual(
      [
        [tasks.channel, 1],
        [tasks.nis, 1],
      ].sort(),
    );
    const twice = await call(
      api.url,
      'POST',
      `/v1/meeting-series/${seriesId}/meetings/2/held`,
      msitHead,
      {
        date: '2026-12-23',
        attendees: { people: [kimId] },
        minutes: 'again',
        decisions: [],
      },
    );
    expect(twice.status).toBe(409);
  });

  it('is read by the attending agencies, each seeing only its own follow-ups on the agenda', async () => {
    const kisa = await detail(kisaOfficer);
    expect(kisa.status).toBe(200);
    expect(kisa.body.meetings[0].agenda!.map((a) => a.assigneeAgency)).toEqual(['KISA', 'KISA']);
    const nis = await detail(nisOfficer);
    expect(nis.body.meetings[0].agenda!.map((a) => a.followUpId)).toEqual([tasks.nis]);
    expect((await detail(fscOfficer)).status).toBe(404);
    expect((await detail(auditor)).body.meetings[0].agenda).toHaveLength(3);
    const list = await call<{ items: { id: string }[] }>(
      api.url,
      'GET',
      `/v1/meeting-series?workshopId=${workshopId}`,
      fscOfficer,
    );
    expect(list.body.items).toEqual([]);
    const mine = await call<{ items: { id: string; held: number }[] }>(
      api.url,
      'GET',
      `/v1/meeting-series?workshopId=${workshopId}`,
      kisaOfficer,
    );
    expect(mine.body.items).toEqual([expect.objectContaining({ id: seriesId, held: 2 })]);
  });

  it('names the people a meeting may name and has named, to whoever reads the series only', async () => {
    type People = { items: { id: string; agency: string; displayName: { ko: string } }[] };
    const path = `/v1/meeting-series/${seriesId}/people`;
    const head = await call<People>(api.url, 'GET', path, msitHead);
    expect(head.status).toBe(200);
    const agencies = new Set(head.body.items.map((p) => p.agency));
    // the host and the attending agencies, no one else
    expect([...agencies].every((a) => ['MSIT', 'KISA', 'NIS'].includes(a))).toBe(true);
    expect(head.body.items).toContainEqual(
      expect.objectContaining({
        id: kimId,
        agency: 'KISA',
        displayName: { ko: '김실무', en: 'Kim Silmu' },
      }),
    );
    // ids and names only: no logins or e-mails
    expect(JSON.stringify(head.body)).not.toMatch(/example\.go\.kr|kim\.meeting/);
    expect((await call(api.url, 'GET', path, kisaOfficer)).status).toBe(200);
    expect((await call(api.url, 'GET', path, fscOfficer)).status).toBe(404);
    expect((await call(api.url, 'GET', path, admin)).status).toBe(403);
    expect((await call(api.url, 'GET', '/v1/meeting-series/nope/people', msitHead)).status).toBe(
      400,
    );
  });

  it('exports the series as iCalendar that ical.js reads back', async () => {
    const res = await fetch(`${api.url}/v1/meeting-series/${seriesId}/calendar.ics`, {
      headers: { authorization: `Bearer ${kisaOfficer.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([
      `meeting-series-${seriesId}-1@liaison`,
      `meeting-series-${seriesId}-2@liaison`,
    ]);
    expect(events[0].summary).toContain('제1차 실무 회의');
    expect(events[0].location).toBe('정부세종청사 회의실');
    expect(events[0].description).toContain('위협 정보 공유 채널을 개설하기로 하였다.');
    expect(events[0].startDate.toString()).toBe('2026-11-25T14:00:00');
    const again = await fetch(`${api.url}/v1/meeting-series/${seriesId}/calendar.ics`, {
      headers: { authorization: `Bearer ${fscOfficer.token}` },
    });
    expect(again.status).toBe(404);
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const cases: [string, unknown, string][] = [
      ['/v1/meeting-series', { workshopId: 'nope', actionId }, 'workshopId'],
      [`/v1/meeting-series/${seriesId}/meetings`, { startsAt: 'tomorrow' }, 'startsAt'],
      [
        `/v1/meeting-series/${seriesId}/meetings/x/held`,
        { date: '2026-12-01', attendees: { people: [] }, minutes: 'm', decisions: [] },
        'n',
      ],
      [
        `/v1/meeting-series/${seriesId}/meetings/1/held`,
        { date: '2026-12-01', attendees: { people: ['kim'] }, minutes: 'm', decisions: [] },
        'attendees.people',
      ],
      [
        `/v1/meeting-series/${seriesId}/meetings/1/held`,
        { date: '1 Dec', attendees: { people: [] }, minutes: 'm', decisions: [] },
        'date',
      ],
    ];
    const before = (await detail(auditor)).body;
    for (const [path, body, field] of cases) {
      const res = await call<{ message: string }>(api.url, 'POST', path, msitHead, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await detail(auditor)).body).toEqual(before);
  });
});
