/**
 * The plain in-memory fold the projections are held to: the domain's own evolve functions
 * over each stream's events, then the fields a view shows. Nothing here shares code with the
 * projections' batched SQL path.
 */
import { StoredEvent } from '@liaison/event-store';
import {
  FollowUpEvent,
  WorkshopEvent,
  evolveFollowUp,
  initialFollowUpState,
  evolveWorkshop,
  initialWorkshopState,
} from '@liaison/follow-up';

function byStream(events: readonly StoredEvent[], prefix: string): Map<string, StoredEvent[]> {
  const streams = new Map<string, StoredEvent[]>();
  for (const e of events) {
    if (!e.streamId.startsWith(prefix)) continue;
    streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  }
  for (const list of streams.values()) list.sort((a, b) => a.version - b.version);
  return streams;
}

export function expectedBoard(events: readonly StoredEvent[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const [streamId, list] of byStream(events, 'follow-up-')) {
    const s = list.reduce(
      (state, e) =>
        evolveFollowUp(state, { type: e.type, data: e.data } as unknown as FollowUpEvent),
      initialFollowUpState,
    );
    const first = list[0];
    const last = list[list.length - 1];
    rows.push({
      follow_up_id: streamId.slice('follow-up-'.length),
      workshop_id: s.workshopId,
      host_agency: s.hostAgency,
      source_id: s.sourceId,
      source_kind: s.sourceKind,
      assignee_agency: s.assigneeAgency,
      title: s.title,
      status: s.status,
      priority: s.priority,
      due_at: new Date(s.dueAt).toISOString(),
      overdue: s.overdue,
      escalated: s.escalated,
      version: last.version,
      last_position: last.position,
      last_event_type: last.type,
      last_changed_at: last.recordedAt.toISOString(),
      created_at: first.recordedAt.toISOString(),
      officer_id: s.officerId ?? null,
      kind: s.kind ?? null,
      lead_follow_up_id: s.leadFollowUpId ?? null,
      supporting_agencies: [...new Set((s.contributions ?? []).map((c) => c.agency))],
      classification_level: s.classification?.level ?? 'public',
      classification_agencies: s.classification?.agencies ?? [],
      classification_people: s.classification?.people ?? [],
    });
  }
  return sortBy(rows, 'follow_up_id');
}

export function expectedWorkshops(events: readonly StoredEvent[]): {
  workshops: Record<string, unknown>[];
  sources: Record<string, unknown>[];
} {
  const workshops: Record<string, unknown>[] = [];
  const sources: Record<string, unknown>[] = [];
  for (const [streamId, list] of byStream(events, 'workshop-')) {
    const workshopId = streamId.slice('workshop-'.length);
    const s = list.reduce(
      (state, e) =>
        evolveWorkshop(state, { type: e.type, data: e.data } as unknown as WorkshopEvent),
      initialWorkshopState,
    );
    const last = list[list.length - 1];
    workshops.push({
      workshop_id: workshopId,
      title: s.title,
      host_agency: s.hostAgency,
      held_on: s.heldOn,
      counterparts: [...s.counterparts],
      attending_agencies: [...s.attendingAgencies],
      version: last.version,
      last_position: last.position,
      last_changed_at: last.recordedAt.toISOString(),
      created_at: list[0].recordedAt.toISOString(),
    });
    const recordedBy = (id: string) =>
      list.find((e) => e.data.actionId === id || e.data.requestId === id) as StoredEvent;
    for (const [id, a] of Object.entries(s.actions)) {
      const e = recordedBy(id);
      sources.push({
        source_id: id,
        workshop_id: workshopId,
        source_kind: 'action',
        summary: a.description,
        agency: a.ownerAgency,
        due_date: a.dueDate ?? null,
        version: e.version,
        recorded_at: e.recordedAt.toISOString(),
      });
    }
    for (const [id, r] of Object.entries(s.requests)) {
      const e = recordedBy(id);
      sources.push({
        source_id: id,
        workshop_id: workshopId,
        source_kind: 'info_request',
        summary: r.subject,
        agency: r.requestedFrom,
        due_date: r.dueDate ?? null,
        version: e.version,
        recorded_at: e.recordedAt.toISOString(),
      });
    }
  }
  return { workshops: sortBy(workshops, 'workshop_id'), sources: sortBy(sources, 'source_id') };
}

function sortBy<T extends Record<string, unknown>>(rows: T[], key: string): T[] {
  return rows.sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}
