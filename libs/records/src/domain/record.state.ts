import { RecordEvent } from './record.events';
import { disposalDueOn, RecordClass, RecordKind, RetentionPeriod } from './retention';

export interface RecordState {
  recordId: string;
  kind: RecordKind;
  recordClass: RecordClass;
  retention: RetentionPeriod;
  closedAt?: string;
  /** Null while open or for a permanent record. */
  disposalDueOn: string | null;
  hold?: { reason: string };
  approvedAt?: string;
  disposed: boolean;
}

/** A record before any event: its kind's defaults (retention.ts), open, not held. */
export function initialRecord(
  recordId: string,
  kind: RecordKind,
  defaults: { recordClass: RecordClass; retention: RetentionPeriod },
): RecordState {
  return { recordId, kind, ...defaults, disposalDueOn: null, disposed: false };
}

export function evolve(state: RecordState, event: RecordEvent): RecordState {
  switch (event.type) {
    case 'RecordRetentionSet':
      return {
        ...state,
        recordClass: event.data.recordClass,
        retention: event.data.retention,
        disposalDueOn: state.closedAt ? dueAfterChange(state, event.data.retention) : null,
        // A new retention period is a new decision: an earlier approval no longer holds.
        approvedAt: undefined,
      };
    case 'RecordClosed':
      return {
        ...state,
        closedAt: event.data.closedAt,
        recordClass: event.data.recordClass,
        retention: event.data.retention,
        disposalDueOn: event.data.disposalDueOn,
      };
    case 'LegalHoldPlaced':
      return { ...state, hold: { reason: event.data.reason }, approvedAt: undefined };
    case 'LegalHoldLifted':
      return { ...state, hold: undefined };
    case 'DisposalApproved':
      return { ...state, approvedAt: event.data.approvedAt };
    case 'RecordDisposed':
      return { ...state, disposed: true };
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function fold(events: readonly RecordEvent[], initial: RecordState): RecordState {
  return events.reduce(evolve, initial);
}

function dueAfterChange(state: RecordState, retention: RetentionPeriod): string | null {
  return disposalDueOn(state.closedAt as string, retention);
}
