import { ProjectedEvent } from '../projection';
import { TableRow } from '../tables/view-table';
import { workshopProgressTable, workshopSourcesTable } from './workshops.table';
import { calendarDate, stringArray, text, uuid } from '../event-data';

export type WorkshopRow = TableRow<typeof workshopProgressTable>;

/** An agreed action or an info request: the sources follow-ups are created from. */
export type WorkshopSourceRow = TableRow<typeof workshopSourcesTable>;

export interface WorkshopChange {
  workshop: WorkshopRow;
  sources: WorkshopSourceRow[];
}

/** Folds one workshop stream's events onto its row; sources recorded by these events are
 * collected beside it (sources already stored are not loaded: they never change). */
export function applyToWorkshop(
  change: WorkshopChange | undefined,
  workshopId: string,
  e: ProjectedEvent,
): WorkshopChange | undefined {
  if (e.type === 'WorkshopHeld') {
    const workshop = held(workshopId, e);
    return workshop ? { workshop, sources: change?.sources ?? [] } : touched(change, e);
  }
  const next = touched(change, e);
  if (!next) return undefined;
  const source = sourceOf(workshopId, e);
  return source ? { ...next, sources: [...next.sources, source] } : next;
}

function touched(
  change: WorkshopChange | undefined,
  e: ProjectedEvent,
): WorkshopChange | undefined {
  return (
    change && {
      ...change,
      workshop: {
        ...change.workshop,
        version: e.version,
        lastPosition: e.position,
        lastChangedAt: e.recordedAt.toISOString(),
      },
    }
  );
}

function held(workshopId: string, e: ProjectedEvent): WorkshopRow | undefined {
  const title = text(e.data, 'title');
  const hostAgency = text(e.data, 'hostAgency');
  const heldOn = calendarDate(e.data, 'heldOn');
  const counterparts = stringArray(e.data, 'counterparts');
  const attendingAgencies = stringArray(e.data, 'attendingAgencies');
  if (!title || !hostAgency || !heldOn || !counterparts || !attendingAgencies) return undefined;
  const at = e.recordedAt.toISOString();
  return {
    workshopId,
    title,
    hostAgency,
    heldOn,
    counterparts,
    attendingAgencies,
    version: e.version,
    lastPosition: e.position,
    lastChangedAt: at,
    createdAt: at,
  };
}

function sourceOf(workshopId: string, e: ProjectedEvent): WorkshopSourceRow | undefined {
  const fields =
    e.type === 'ActionAgreed'
      ? { id: 'actionId', kind: 'action' as const, summary: 'description', agency: 'ownerAgency' }
      : e.type === 'InfoRequested'
        ? {
            id: 'requestId',
            kind: 'info_request' as const,
            summary: 'subject',
            agency: 'requestedFrom',
          }
        : undefined;
  if (!fields) return undefined;
  const sourceId = uuid(e.data, fields.id);
  const summary = text(e.data, fields.summary);
  const agency = text(e.data, fields.agency);
  if (!sourceId || !summary || !agency) return undefined;
  return {
    sourceId,
    workshopId,
    sourceKind: fields.kind,
    summary,
    agency,
    dueDate: calendarDate(e.data, 'dueDate') ?? null,
    version: e.version,
    recordedAt: e.recordedAt.toISOString(),
  };
}
