import { ProjectedEvent } from '../projection';
import {
  CLASSIFICATION_LEVELS,
  FOLLOW_UP_PRIORITIES,
  FollowUpStatus,
  SOURCE_KINDS,
} from '@liaison/follow-up';
import { JsonObject } from '@liaison/event-store';
import { instant, oneOf, stringArray, text, uuid } from '../event-data';
import { FollowUpView } from './follow-up-board.table';

/** One board row as the projection folds it: the same shape the queries answer with. */
export type BoardRow = FollowUpView;

/** Events that only move the status; the rest of the row stays. */
const STATUS_OF: Partial<Record<string, FollowUpStatus>> = {
  FollowUpRouted: 'routed',
  FollowUpAcknowledged: 'acknowledged',
  FollowUpStarted: 'in_progress',
  FollowUpSubmitted: 'submitted',
  FollowUpAccepted: 'accepted',
  FollowUpRejected: 'rejected',
  FollowUpDeclined: 'declined',
  FollowUpCancelled: 'cancelled',
};

/**
 * The board's fold, the same facts as the domain's evolveFollowUp keeps (a spec holds them
 * together). Every event of the stream moves version, position and last change, including
 * delivery facts, reminders and types this code does not know yet.
 */
export function applyToBoardRow(
  row: BoardRow | undefined,
  followUpId: string,
  e: ProjectedEvent,
): BoardRow | undefined {
  if (e.type === 'FollowUpAssigned') return assigned(followUpId, e) ?? (row && touched(row, e));
  if (!row) return undefined; // nothing to change before the task exists
  const status = STATUS_OF[e.type];
  if (status) return touched(row, e, { status });
  switch (e.type) {
    case 'FollowUpReassigned': {
      const assigneeAgency = text(e.data, 'assigneeAgency');
      // A reassignment names the new officer or leaves the task unclaimed.
      const officerId = text(e.data, 'officerId') ?? null;
      return touched(
        row,
        e,
        assigneeAgency ? { status: 'reassigned', assigneeAgency, officerId } : {},
      );
    }
    case 'FollowUpContributionRequested': {
      const agency = text(e.data, 'agency');
      const asked = agency && !row.supportingAgencies.includes(agency);
      return touched(
        row,
        e,
        asked ? { supportingAgencies: [...row.supportingAgencies, agency] } : {},
      );
    }
    case 'FollowUpClassificationChanged':
      return touched(row, e, classificationColumns(e.data.classification));
    case 'FollowUpClaimed':
    case 'FollowUpHandedOver': {
      const officerId = text(e.data, 'officerId');
      return touched(row, e, officerId ? { officerId } : {});
    }
    case 'FollowUpDueDateExtended': {
      const dueAt = instant(e.data, 'dueAt');
      // A new due date restarts the reminder → overdue → escalation chain.
      return touched(row, e, dueAt ? { dueAt, overdue: false, escalated: false } : {});
    }
    case 'FollowUpOverdue':
      return touched(row, e, { overdue: true });
    case 'FollowUpEscalated':
      // As the domain keeps it: only an overdue task's escalation counts as the deadline's
      // (one raised for a routing failure before the due time leaves the flag alone).
      return touched(row, e, { escalated: row.escalated || row.overdue });
    default:
      return touched(row, e, {});
  }
}

function touched(row: BoardRow, e: ProjectedEvent, changes: Partial<BoardRow> = {}): BoardRow {
  return {
    ...row,
    ...changes,
    version: e.version,
    lastPosition: e.position,
    lastEventType: e.type,
    lastChangedAt: e.recordedAt.toISOString(),
  };
}

function assigned(followUpId: string, e: ProjectedEvent): BoardRow | undefined {
  const d = e.data;
  const workshopId = uuid(d, 'workshopId');
  const hostAgency = text(d, 'hostAgency');
  const sourceId = uuid(d, 'sourceId');
  const sourceKind = oneOf(d, 'sourceKind', SOURCE_KINDS);
  const assigneeAgency = text(d, 'assigneeAgency');
  const title = text(d, 'title');
  const dueAt = instant(d, 'dueAt');
  const priority = d.priority === undefined ? 'normal' : oneOf(d, 'priority', FOLLOW_UP_PRIORITIES);
  if (!workshopId || !hostAgency || !sourceId || !sourceKind || !assigneeAgency) return undefined;
  if (!title || !dueAt || !priority) return undefined;
  const at = e.recordedAt.toISOString();
  return {
    followUpId,
    workshopId,
    hostAgency,
    sourceId,
    sourceKind,
    assigneeAgency,
    title,
    status: 'assigned',
    priority,
    dueAt,
    overdue: false,
    escalated: false,
    version: e.version,
    lastPosition: e.position,
    lastEventType: e.type,
    lastChangedAt: at,
    createdAt: at,
    officerId: text(d, 'officerId') ?? null,
    kind: d.kind === 'contribution' ? 'contribution' : null,
    leadFollowUpId: (d.kind === 'contribution' && uuid(d, 'leadFollowUpId')) || null,
    supportingAgencies: [],
    ...classificationColumns(d.classification),
  };
}

/** Absent or unreadable reads as public only where the event carries none: an event's
 * classification that the board cannot read hides the row from officers (confidential to
 * nobody) rather than showing it. */
function classificationColumns(
  value: unknown,
): Pick<BoardRow, 'classificationLevel' | 'classificationAgencies' | 'classificationPeople'> {
  if (value === undefined || value === null) {
    return { classificationLevel: 'public', classificationAgencies: [], classificationPeople: [] };
  }
  const c = typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
  const level = oneOf(c, 'level', CLASSIFICATION_LEVELS);
  if (!level) {
    return {
      classificationLevel: 'confidential',
      classificationAgencies: [],
      classificationPeople: [],
    };
  }
  return {
    classificationLevel: level,
    classificationAgencies: level === 'restricted' ? (stringArray(c, 'agencies') ?? []) : [],
    classificationPeople: level === 'confidential' ? (stringArray(c, 'people') ?? []) : [],
  };
}
