/**
 * The demo's first working-level meeting (실무 협의): the agreed action "continue working-level
 * discussions" of the OpenAI workshop becomes a meeting series; MSIT's bureau head schedules the
 * first meeting and records it as held, with attendees from the directory, minutes and
 * decisions. Its agenda carries the workshop's follow-ups still open at that moment, read from
 * the log; KISA's officer (an attending agency) reads the series, and the calendar file is
 * fetched as a calendar program would.
 */
import { ApiClient } from './api-client';
import { renderTable } from './board-table';
import { TokenFor } from './workshop-scenario';

interface Series {
  id: string;
  title: string;
  meetings: {
    number: number;
    status: string;
    minutes?: string;
    decisions?: string[];
    agenda?: { followUpId: string; title: string; assigneeAgency: string; status: string }[];
  }[];
}

export async function showMeeting(
  baseUrl: string,
  tokenFor: TokenFor,
  source: { workshopId: string; sourceId: string },
  log: (line: string) => void,
): Promise<void> {
  const msit = new ApiClient(baseUrl, tokenFor('bureau_head', 'MSIT'));
  const kisa = msit.as(tokenFor('agency_officer', 'KISA'));
  log('The first working-level meeting (실무 협의) of the OpenAI workshop');
  const { id } = await msit.ok<{ id: string }>('POST', '/v1/meeting-series', {
    workshopId: source.workshopId,
    actionId: source.sourceId,
    title: 'AI 보안 실무 협의 (MSIT–OpenAI working-level meetings)',
  });
  await msit.ok('POST', `/v1/meeting-series/${id}/meetings`, {
    startsAt: '2026-11-25T14:00:00+09:00',
    durationMinutes: 90,
    location: '정부세종청사 과학기술정보통신부 회의실',
  });
  // Attendees are people of the directory: the two signed-in officials, and OpenAI as such.
  // (a bearer token names no person: /v1/me answers person null, and only OpenAI is listed)
  const me = async (client: ApiClient) =>
    (await client.ok<{ person: { id: string } | null }>('GET', '/v1/me')).person?.id;
  const people = [await me(msit), await me(kisa)].filter((p): p is string => !!p);
  await msit.ok('POST', `/v1/meeting-series/${id}/meetings/1/held`, {
    date: '2026-11-25',
    attendees: { people, agencies: ['OPENAI'] },
    minutes:
      '위협 정보 공유 채널의 운영 방식을 논의함. OpenAI는 공유 범위 초안을 다음 회의 전에 보내기로 함. ' +
      '(Discussed how the threat-sharing channel runs; OpenAI will send a draft scope first.)',
    decisions: [
      '월 1회 정례 실무 회의 (monthly meetings)',
      '공유 범위 초안 검토 (review the draft scope)',
    ],
  });
  const series = await kisa.ok<Series>('GET', `/v1/meeting-series/${id}`);
  const meeting = series.meetings[0];
  log(`Meeting 1 held; KISA's officer reads it (attending agency). Minutes: ${meeting.minutes}`);
  const agenda =
    (await msit.ok<Series>('GET', `/v1/meeting-series/${id}`)).meetings[0].agenda ?? [];
  log(
    `Its agenda carried ${agenda.length} open follow-ups of the workshop (recorded in MeetingHeld):`,
  );
  const table = renderTable(
    ['agency', 'status', 'title'],
    agenda.map((a) => [a.assigneeAgency, a.status, a.title]),
  );
  for (const line of table.split('\n')) log(`  ${line}`);
  const ics = await fetchCalendar(baseUrl, tokenFor('agency_officer', 'KISA'), id);
  log(
    `Calendar: GET /v1/meeting-series/${id}/calendar.ics → ${ics.split('BEGIN:VEVENT').length - 1} event(s)`,
  );
}

async function fetchCalendar(
  baseUrl: string,
  credential: ReturnType<TokenFor>,
  id: string,
): Promise<string> {
  const headers: Record<string, string> =
    typeof credential === 'string'
      ? { authorization: `Bearer ${credential}` }
      : { cookie: credential.cookie };
  const res = await fetch(`${baseUrl}/v1/meeting-series/${id}/calendar.ics`, { headers });
  if (!res.ok) throw new Error(`calendar.ics → ${res.status}`);
  return res.text();
}
