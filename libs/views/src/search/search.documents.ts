import { JsonObject } from '@liaison/event-store';
import { isReadableClassification, PUBLIC, UNDETERMINED } from '@liaison/follow-up';
import { isLowerCaseUuid, text, uuid } from '../event-data';
import { ProjectedEvent } from '../projection';
import { SearchDocument } from './search.table';

/**
 * How each event changes the search documents, on an in-memory set of them: the projection
 * loads the documents a batch touches, folds the batch here and writes the result back.
 * Malformed data leaves the documents as they were (a projection must never stall).
 */
export const SEARCHED_DATA_OF = [
  'FollowUpAssigned',
  'FollowUpReassigned',
  'FollowUpCommented',
  'WorkshopHeld',
  'WorkshopClassificationChanged',
  'ActionAgreed',
  'InfoRequested',
  'MeetingSeriesStarted',
  'MeetingHeld',
] as const;

export const SEARCHED_STREAMS = ['follow-up-', 'workshop-', 'meeting-series-'] as const;

export const docKey = {
  followUp: (id: string) => `follow-up:${id}`,
  comment: (id: string) => `comment:${id}`,
  workshop: (id: string) => `workshop:${id}`,
  series: (id: string) => `meeting-series:${id}`,
  meeting: (seriesId: string, n: number) => `meeting:${seriesId}:${n}`,
};

/** The stream's prefix and id, for the streams search reads; undefined for any other. */
export function searchedStream(streamId: string): { prefix: string; id: string } | undefined {
  for (const prefix of SEARCHED_STREAMS) {
    if (!streamId.startsWith(prefix)) continue;
    const id = streamId.slice(prefix.length);
    return isLowerCaseUuid(id) ? { prefix, id } : undefined;
  }
  return undefined;
}

/** The documents a stream's events may need, before the batch is folded. */
export function parentKeyOf(streamId: string): string | undefined {
  const s = searchedStream(streamId);
  if (!s) return undefined;
  if (s.prefix === 'follow-up-') return docKey.followUp(s.id);
  if (s.prefix === 'workshop-') return docKey.workshop(s.id);
  return docKey.series(s.id);
}

/** A series that starts in the batch takes its workshop's classification: that document too. */
export function workshopKeyOf(e: ProjectedEvent): string | undefined {
  if (e.type !== 'MeetingSeriesStarted') return undefined;
  const id = uuid(e.data, 'workshopId');
  return id && docKey.workshop(id);
}

/** A classification as stored, for the documents' columns: absent is public, one the policy
 * cannot read is UNDETERMINED (fails closed, as every reader that looks one up). */
function classificationColumns(value: unknown): ClassificationColumns {
  const c = isReadableClassification(value) ? (value ?? PUBLIC) : UNDETERMINED;
  return {
    classificationLevel: c.level,
    classificationAgencies: [...(c.agencies ?? [])],
    classificationPeople: [...(c.people ?? [])],
  };
}

const PUBLIC_COLUMNS = classificationColumns(undefined);

type ClassificationColumns = Pick<
  SearchDocument,
  'classificationLevel' | 'classificationAgencies' | 'classificationPeople'
>;

const columnsOf = (doc: SearchDocument): ClassificationColumns => ({
  classificationLevel: doc.classificationLevel,
  classificationAgencies: doc.classificationAgencies,
  classificationPeople: doc.classificationPeople,
});

export class SearchChanges {
  /** Documents written back at the end of the batch (new or changed). */
  readonly changed = new Map<string, SearchDocument>();
  /** Comments of a follow-up whose assignee moved, meetings of a series whose readers grew:
   * the rows already stored are moved by one UPDATE each. */
  readonly assigneeMoves = new Map<string, string>();
  readonly attendeeMoves = new Map<string, string[]>();
  /** Series and meetings of a workshop whose classification changed: moved with it. */
  readonly classificationMoves = new Map<string, ClassificationColumns>();

  constructor(private readonly loaded: ReadonlyMap<string, SearchDocument>) {}

  get(key: string): SearchDocument | undefined {
    return this.changed.get(key) ?? this.loaded.get(key);
  }

  put(doc: SearchDocument): void {
    this.changed.set(doc.docKey, doc);
  }

  apply(e: ProjectedEvent): void {
    const s = searchedStream(e.streamId);
    if (!s) return;
    const data = e.data;
    const at = { changedAt: e.recordedAt.toISOString(), lastPosition: e.position };
    switch (e.type) {
      case 'FollowUpAssigned':
        return this.assigned(s.id, data, at);
      case 'FollowUpReassigned':
        return this.reassigned(s.id, data, at);
      case 'FollowUpCommented':
        return this.commented(s.id, data, at);
      case 'WorkshopHeld':
        return this.workshopHeld(s.id, data, at);
      case 'WorkshopClassificationChanged':
        return this.workshopClassified(s.id, data);
      case 'ActionAgreed':
        return this.addToWorkshop(s.id, text(data, 'description'), at);
      case 'InfoRequested':
        return this.addToWorkshop(s.id, text(data, 'subject'), at);
      case 'MeetingSeriesStarted':
        return this.seriesStarted(s.id, data, at);
      case 'MeetingHeld':
        return this.meetingHeld(s.id, data, at);
      default:
        return;
    }
  }

  private assigned(id: string, data: JsonObject, at: Stamp): void {
    const title = text(data, 'title');
    const host = text(data, 'hostAgency');
    const assignee = text(data, 'assigneeAgency');
    if (!title || !host || !assignee) return;
    this.put({
      docKey: docKey.followUp(id),
      kind: 'follow-up',
      itemId: id,
      parentId: null,
      number: null,
      workshopId: uuid(data, 'workshopId') ?? null,
      title,
      body: text(data, 'instructions') ?? '',
      scopeHost: host,
      scopeAssignee: assignee,
      scopeAttendees: [],
      ...PUBLIC_COLUMNS, // the task's own classification is read from its board row
      ...at,
    });
  }

  private reassigned(id: string, data: JsonObject, at: Stamp): void {
    const task = this.get(docKey.followUp(id));
    const assignee = text(data, 'assigneeAgency');
    if (!task || !assignee) return;
    this.put({ ...task, scopeAssignee: assignee, ...at });
    // The former assignee loses sight of the task's comments with the task (follow-up policy).
    for (const doc of this.changed.values()) {
      if (doc.kind === 'comment' && doc.parentId === id)
        this.put({ ...doc, scopeAssignee: assignee });
    }
    this.assigneeMoves.set(id, assignee);
  }

  private commented(id: string, data: JsonObject, at: Stamp): void {
    const task = this.get(docKey.followUp(id));
    const commentId = uuid(data, 'commentId');
    const body = text(data, 'body');
    if (!task || !commentId || body === undefined) return;
    this.put({
      docKey: docKey.comment(commentId),
      kind: 'comment',
      itemId: commentId,
      parentId: id,
      number: null,
      workshopId: task.workshopId,
      title: task.title,
      body,
      scopeHost: task.scopeHost,
      scopeAssignee: task.scopeAssignee,
      scopeAttendees: [],
      ...PUBLIC_COLUMNS,
      ...at,
    });
  }

  private workshopHeld(id: string, data: JsonObject, at: Stamp): void {
    const title = text(data, 'title');
    const host = text(data, 'hostAgency');
    if (!title || !host) return;
    const words = [
      text(data, 'summary'),
      ...strings(data.topics),
      ...strings(data.counterparts),
    ].filter((w): w is string => !!w);
    this.put({
      docKey: docKey.workshop(id),
      kind: 'workshop',
      itemId: id,
      parentId: null,
      number: null,
      workshopId: id,
      title,
      body: words.join('\n'),
      scopeHost: host,
      scopeAssignee: null,
      scopeAttendees: [],
      // kept for its series (only the host's bureau heads read the workshop itself)
      ...classificationColumns(data.classification),
      ...at,
    });
  }

  private workshopClassified(id: string, data: JsonObject): void {
    const workshop = this.get(docKey.workshop(id));
    if (!workshop) return;
    const columns = classificationColumns(data.classification);
    // the document's text and recency are unchanged: a search for it finds what it did
    this.put({ ...workshop, ...columns });
    for (const doc of this.changed.values()) {
      if ((doc.kind === 'meeting-series' || doc.kind === 'meeting') && doc.workshopId === id)
        this.put({ ...doc, ...columns });
    }
    this.classificationMoves.set(id, columns);
  }

  private addToWorkshop(id: string, line: string | undefined, at: Stamp): void {
    const workshop = this.get(docKey.workshop(id));
    if (!workshop || !line) return;
    this.put({ ...workshop, body: workshop.body ? `${workshop.body}\n${line}` : line, ...at });
  }

  private seriesStarted(id: string, data: JsonObject, at: Stamp): void {
    const title = text(data, 'title');
    const host = text(data, 'hostAgency');
    if (!title || !host) return;
    const workshopId = uuid(data, 'workshopId') ?? null;
    const workshop = workshopId ? this.get(docKey.workshop(workshopId)) : undefined;
    this.put({
      docKey: docKey.series(id),
      kind: 'meeting-series',
      itemId: id,
      parentId: null,
      number: null,
      workshopId,
      title,
      body: '',
      scopeHost: host,
      scopeAssignee: null,
      scopeAttendees: [...new Set(strings(data.attendingAgencies))].sort(),
      // narrowed like its workshop; a workshop search does not know reads as undetermined
      ...(workshop ? columnsOf(workshop) : classificationColumns(UNDETERMINED)),
      ...at,
    });
  }

  private meetingHeld(id: string, data: JsonObject, at: Stamp): void {
    const series = this.get(docKey.series(id));
    const n = data.number;
    const minutes = text(data, 'minutes') ?? '';
    if (!series || typeof n !== 'number' || !Number.isInteger(n) || n < 1) return;
    const attendees = data.attendees as JsonObject | undefined;
    const readers = [
      ...new Set([...series.scopeAttendees, ...strings(attendees?.agencies)]),
    ].sort();
    if (readers.length !== series.scopeAttendees.length) {
      this.put({ ...series, scopeAttendees: readers, ...at });
      for (const doc of this.changed.values()) {
        if (doc.kind === 'meeting' && doc.parentId === id)
          this.put({ ...doc, scopeAttendees: readers });
      }
      this.attendeeMoves.set(id, readers);
    }
    this.put({
      docKey: docKey.meeting(id, n),
      kind: 'meeting',
      itemId: id,
      parentId: id,
      number: n,
      workshopId: series.workshopId,
      title: `${series.title} — 제${n}차 실무 회의`,
      body: [minutes, ...strings(data.decisions)].filter(Boolean).join('\n'),
      scopeHost: series.scopeHost,
      scopeAssignee: null,
      scopeAttendees: readers,
      ...columnsOf(series),
      ...at,
    });
  }
}

type Stamp = { changedAt: string; lastPosition: number };

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v !== '')
    : [];
}
