import { AgendaItem, Meeting } from '../domain';

/** An agenda item as the reader gives it: its title from the task's stream, or marked disposed. */
export type ShownAgendaItem = AgendaItem & { disposed?: boolean };

/**
 * A series as an iCalendar file (RFC 5545). Times are written in Asia/Seoul with its VTIMEZONE
 * (Korea keeps no daylight saving time, so one STANDARD rule is exact); text is escaped (§3.3.11)
 * and lines folded at 75 octets (§3.1) without splitting a UTF-8 sequence, which Korean text
 * would otherwise break.
 */
export interface CalendarSeries {
  id: string;
  title: string;
  hostAgency: string;
  meetings: readonly (Omit<Meeting, 'agenda'> & { agenda?: ShownAgendaItem[] })[];
}

export const SEOUL = 'Asia/Seoul';
const SEOUL_OFFSET_MS = 9 * 3_600_000;

export function meetingSeriesCalendar(series: CalendarSeries, stamp: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Liaison//Meeting series//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(series.title)}`,
    `X-WR-TIMEZONE:${SEOUL}`,
    'BEGIN:VTIMEZONE',
    `TZID:${SEOUL}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0900',
    'TZOFFSETTO:+0900',
    'TZNAME:KST',
    'END:STANDARD',
    'END:VTIMEZONE',
    ...series.meetings.flatMap((m) => meetingEvent(series, m, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Stable per meeting: a re-export updates the same calendar entry instead of adding one. */
export const meetingUid = (seriesId: string, n: number) =>
  `meeting-series-${seriesId}-${n}@liaison`;

function meetingEvent(
  series: CalendarSeries,
  m: CalendarSeries['meetings'][number],
  stamp: Date,
): string[] {
  const start = new Date(m.startsAt);
  const end = new Date(start.getTime() + m.durationMinutes * 60_000);
  const description = describe(m);
  return [
    'BEGIN:VEVENT',
    `UID:${meetingUid(series.id, m.number)}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    `DTSTART;TZID=${SEOUL}:${seoulStamp(start)}`,
    `DTEND;TZID=${SEOUL}:${seoulStamp(end)}`,
    // SEQUENCE moves when the meeting changes (held or cancelled), so clients take the update.
    `SEQUENCE:${m.status === 'scheduled' ? 0 : 1}`,
    `STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(`${series.title} — 제${m.number}차 실무 회의`)}`,
    ...(m.location ? [`LOCATION:${escapeText(m.location)}`] : []),
    `ORGANIZER;CN=${paramValue(series.hostAgency)}:mailto:noreply@liaison.invalid`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    'END:VEVENT',
  ];
}

function describe(m: CalendarSeries['meetings'][number]): string {
  const parts: string[] = [];
  if (m.status === 'cancelled') parts.push(`취소: ${m.cancelReason ?? ''}`);
  if (m.agenda?.length) {
    parts.push(
      '안건 (후속 조치):',
      ...m.agenda.map(
        (a) =>
          `- ${a.disposed ? '(기록 폐기)' : (a.title ?? '')} [${a.assigneeAgency}, ${a.status}]`,
      ),
    );
  }
  if (m.minutes) parts.push('회의록:', m.minutes);
  if (m.decisions?.length) parts.push('결정 사항:', ...m.decisions.map((d) => `- ${d}`));
  return parts.join('\n');
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: quoted, and without the characters a quoted value may not hold. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/** Content lines longer than 75 octets are split, each continuation starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space is one octet
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function seoulStamp(d: Date): string {
  const s = new Date(d.getTime() + SEOUL_OFFSET_MS);
  return `${s.getUTCFullYear()}${pad(s.getUTCMonth() + 1)}${pad(s.getUTCDate())}T${pad(s.getUTCHours())}${pad(s.getUTCMinutes())}${pad(s.getUTCSeconds())}`;
}
