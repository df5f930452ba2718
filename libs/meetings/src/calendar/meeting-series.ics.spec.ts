import ICAL from 'ical.js';
import { Meeting } from '../domain';
import { escapeText, foldLine, meetingSeriesCalendar, meetingUid } from './meeting-series.ics';

const SERIES_ID = '0b7f6c1e-3c53-4c1a-9a0e-6f1f3f1f0a01';
const held: Meeting = {
  number: 1,
  status: 'held',
  startsAt: '2026-11-25T05:00:00.000Z',
  durationMinutes: 90,
  location: '정부세종청사 6동, 회의실 A',
  date: '2026-11-25',
  minutes:
    '위협 정보 공유 채널을 개설하기로 하였다; 다음 회의에서 KISA가 초안을 발표한다.\n' +
    '참석 기관: 과학기술정보통신부, 한국인터넷진흥원, 금융보안원',
  decisions: ['공유 채널 개설', '월 1회 정례 실무 회의'],
  agenda: [
    {
      followUpId: '7c1f3f1f-0a01-4c1a-9a0e-6f1f3f1f0a02',
      title: '실무 협의 채널 구축',
      assigneeAgency: 'KISA',
      status: 'in_progress',
      dueAt: '2026-12-01T09:00:00.000Z',
      overdue: false,
      version: 4,
    },
  ],
};
const next: Meeting = {
  number: 2,
  status: 'scheduled',
  startsAt: '2026-12-23T05:00:00.000Z',
  durationMinutes: 60,
};

describe('meeting series as iCalendar (RFC 5545)', () => {
  const ics = meetingSeriesCalendar(
    { id: SERIES_ID, title: 'AI 보안 실무 협의', hostAgency: 'MSIT', meetings: [held, next] },
    new Date('2026-11-29T06:00:00Z'),
  );

  it('parses with ical.js: one event per meeting, stable UIDs, Seoul times, Korean text intact', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([meetingUid(SERIES_ID, 1), meetingUid(SERIES_ID, 2)]);
    expect(events[0].summary).toBe('AI 보안 실무 협의 — 제1차 실무 회의');
    expect(events[0].location).toBe('정부세종청사 6동, 회의실 A');
    expect(events[0].description).toContain(
      '위협 정보 공유 채널을 개설하기로 하였다; 다음 회의에서',
    );
    expect(events[0].description).toContain('- 실무 협의 채널 구축 [KISA, in_progress]');
    const vevent = calendar.getAllSubcomponents('vevent')[0];
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Seoul');
    // 14:00 in Seoul is 05:00 UTC, through the VTIMEZONE the file carries.
    const tz = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    const start = events[0].startDate;
    start.zone = tz;
    expect(start.toJSDate().toISOString()).toBe('2026-11-25T05:00:00.000Z');
    expect(events[0].endDate.toString()).toBe('2026-11-25T15:30:00');
    const stamp = vevent.getFirstPropertyValue('dtstamp');
    expect(String(stamp)).toBe('2026-11-29T06:00:00Z');
  });

  it('folds every line at 75 octets, never inside a UTF-8 sequence, with CRLF endings', () => {
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.includes('\n') && !/[^\r]\n/.test(ics)).toBe(true);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
  });

  it('escapes TEXT: backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const folded = foldLine(`SUMMARY:${'가'.repeat(40)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'가'.repeat(40)}`);
  });
});
