import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { tombstoneData } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { Actor } from '@liaison/follow-up';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { meetingSeriesCalendar } from '../calendar/meeting-series.ics';
import { AgendaItem, meetingSeriesStreamId } from '../domain';
import { MeetingSeriesReader } from './meeting-series.reader';

const meta = { actor: 'u-msit-head', role: 'bureau_head', agency: 'MSIT', correlation_id: 'c' };
const hostHead: Actor = { id: 'u-msit-head', role: 'bureau_head', agency: 'MSIT' };
const kisaOfficer: Actor = { id: 'u-kisa-officer', role: 'agency_officer', agency: 'KISA' };
const auditor: Actor = { id: 'u-auditor', role: 'auditor' };

/**
 * An agenda item shows a task's title, so the reader asks the task's classification now; a
 * task whose classification cannot be read (no stream, its content disposed) fails closed: the
 * attending officers do not see it, in the detail or the calendar; the host and auditors do.
 */
describe('meeting agendas: a task whose classification cannot be read (integration)', () => {
  // a log of its own: the shared test log must not hold a task no relay has routed
  let db: ThrowawayDatabase;
  let pool: Pool;
  let store: EventStore;
  let reader: MeetingSeriesReader;
  const seriesId = randomUUID();
  const workshopId = randomUUID();
  const ids = { open: randomUUID(), missing: randomUUID(), disposed: randomUUID() };
  const titleOf = (k: keyof typeof ids) => `agenda-${k}-${ids[k].slice(0, 8)}`;

  beforeAll(async () => {
    db = await createThrowawayDatabase('meeting_reader', 3);
    pool = db.pool;
    store = new EventStore(pool);
    const assignedData = (id: string, title: string) => ({
      followUpId: id,
      workshopId,
      hostAgency: 'MSIT',
      sourceId: randomUUID(),
      sourceKind: 'action',
      assigneeAgency: 'KISA',
      title,
      dueAt: '2026-12-01T00:00:00.000Z',
      priority: 'normal',
    });
    // the series' workshop, public: its attendees read the series (a workshop the log does
    // not hold reads as undetermined, and its series as the host's and auditors' only)
    await store.append(`workshop-${workshopId}`, [
      {
        type: 'WorkshopHeld',
        schemaVersion: 1,
        data: {
          workshopId,
          title: 'AI security',
          heldOn: '2026-11-18',
          hostAgency: 'MSIT',
          counterparts: [],
          attendingAgencies: ['KISA'],
          topics: [],
        },
        metadata: meta,
      },
    ]);
    await store.append(`follow-up-${ids.open}`, [
      {
        type: 'FollowUpAssigned',
        schemaVersion: 1,
        data: assignedData(ids.open, titleOf('open')),
        metadata: meta,
      },
    ]);
    // as a disposal leaves it: the type and order stay, the data is a tombstone
    await store.append(`follow-up-${ids.disposed}`, [
      {
        type: 'FollowUpAssigned',
        schemaVersion: 1,
        data: tombstoneData(`follow-up-${ids.disposed}`, randomUUID()),
        metadata: meta,
      },
    ]);
    const item = (k: keyof typeof ids): AgendaItem => ({
      followUpId: ids[k],
      title: titleOf(k),
      assigneeAgency: 'KISA',
      status: 'routed',
      dueAt: '2026-12-01T00:00:00.000Z',
      overdue: false,
      version: 1,
    });
    await store.append(meetingSeriesStreamId(seriesId), [
      {
        type: 'MeetingSeriesStarted',
        schemaVersion: 1,
        data: {
          seriesId,
          workshopId,
          actionId: randomUUID(),
          hostAgency: 'MSIT',
          title: 'Working-level talks',
          attendingAgencies: ['KISA'],
        },
        metadata: meta,
      },
      {
        type: 'MeetingScheduled',
        schemaVersion: 1,
        data: { seriesId, number: 1, startsAt: '2026-11-25T05:00:00.000Z', durationMinutes: 60 },
        metadata: meta,
      },
      {
        type: 'MeetingHeld',
        schemaVersion: 1,
        data: {
          seriesId,
          number: 1,
          date: '2026-11-25',
          attendees: { people: [], agencies: [] },
          minutes: 'minutes',
          decisions: [],
          agenda: [item('open'), item('missing'), item('disposed')],
        },
        metadata: meta,
      },
    ]);
    reader = new MeetingSeriesReader(pool, store);
  }, 30_000);
  afterAll(() => db.drop());

  const agendaOf = async (actor: Actor) => {
    const series = await reader.detail(actor, seriesId);
    // unfolded (RFC 5545 §3.1): a long line is split wherever 75 octets end
    const ics = meetingSeriesCalendar(series, new Date(series.updatedAt)).replace(/\r\n /g, '');
    const shown = (['open', 'missing', 'disposed'] as const).filter((k) =>
      (series.meetings[0].agenda ?? []).some((i) => i.followUpId === ids[k]),
    );
    const inCalendar = (['open', 'missing', 'disposed'] as const).filter((k) =>
      ics.includes(titleOf(k)),
    );
    return { shown, inCalendar };
  };

  it('an attending officer sees only the item whose task reads as public', async () => {
    expect(await agendaOf(kisaOfficer)).toEqual({ shown: ['open'], inCalendar: ['open'] });
  });

  it('the host’s bureau head and auditors see every item (undetermined is restricted to none)', async () => {
    const all = ['open', 'missing', 'disposed'];
    // …but a title only from the task's own stream: the one the meeting recorded is not shown
    // for a task whose content is gone
    expect(await agendaOf(hostHead)).toEqual({ shown: all, inCalendar: ['open'] });
    expect(await agendaOf(auditor)).toEqual({ shown: all, inCalendar: ['open'] });
    const detail = await reader.detail(hostHead, seriesId);
    expect(detail.meetings[0].agenda?.map((i) => [i.followUpId, i.title, i.disposed])).toEqual(
      expect.arrayContaining([
        [ids.open, titleOf('open'), undefined],
        [ids.disposed, undefined, true],
        [ids.missing, undefined, true],
      ]),
    );
  });
});
