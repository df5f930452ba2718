import { RecordCommand, RecordContext } from './record.commands';
import { RecordForbiddenError, RecordStateError } from './record.errors';
import { RecordEvent } from './record.events';
import { RecordState } from './record.state';
import { disposalDueOn, koreanDay } from './retention';

/** Who may change a record's retention and dispose of it: the records officer alone. The
 * system (the clocks) only closes records. */
const OFFICER = 'records_officer';

/**
 * The records rules, pure: what a command on a record means given what the record's stream
 * says. The clock starts when the record closes; disposal needs a due date that has passed, no
 * legal hold, and a records officer's approval first.
 */
export function decide(
  command: RecordCommand,
  state: RecordState,
  ctx: RecordContext,
): RecordEvent[] {
  const recordId = state.recordId;
  if (state.disposed && command.type !== 'CloseRecord') {
    throw new RecordStateError('disposed', `Record ${recordId} has been disposed of`);
  }
  switch (command.type) {
    case 'CloseRecord': {
      if (state.closedAt || state.disposed) return [];
      return [
        {
          type: 'RecordClosed',
          data: {
            recordId,
            kind: state.kind,
            closedAt: command.closedAt,
            cause: command.cause,
            recordClass: state.recordClass,
            retention: state.retention,
            disposalDueOn: disposalDueOn(command.closedAt, state.retention),
          },
        },
      ];
    }
    case 'SetRetention': {
      officerOnly(ctx);
      const recordClass = command.recordClass ?? state.recordClass;
      const retention = command.retention ?? state.retention;
      if (recordClass === state.recordClass && retention === state.retention) return [];
      return [
        {
          type: 'RecordRetentionSet',
          data: {
            recordId,
            recordClass,
            retention,
            reason: command.reason,
            previous: { recordClass: state.recordClass, retention: state.retention },
          },
        },
      ];
    }
    case 'PlaceLegalHold':
      officerOnly(ctx);
      if (state.hold) throw new RecordStateError('legal_hold', `Record ${recordId} is on hold`);
      return [{ type: 'LegalHoldPlaced', data: { recordId, reason: command.reason } }];
    case 'LiftLegalHold':
      officerOnly(ctx);
      if (!state.hold) throw new RecordStateError('no_hold', `Record ${recordId} is not on hold`);
      return [{ type: 'LegalHoldLifted', data: { recordId, reason: command.reason } }];
    case 'ApproveDisposal': {
      officerOnly(ctx);
      const due = disposable(state, ctx.now);
      if (state.approvedAt) return [];
      return [
        {
          type: 'DisposalApproved',
          data: { recordId, disposalDueOn: due, approvedAt: ctx.now.toISOString() },
        },
      ];
    }
    case 'RecordDisposal':
      officerOnly(ctx);
      disposable(state, ctx.now);
      if (!state.approvedAt) {
        throw new RecordStateError('not_approved', `Disposal of ${recordId} is not approved`);
      }
      return [
        {
          type: 'RecordDisposed',
          data: {
            recordId,
            streams: command.streams,
            events: command.events,
            files: command.files,
            approvedBy: ctx.actor.id,
          },
        },
      ];
    default: {
      const never: never = command;
      return never;
    }
  }
}

function officerOnly(ctx: RecordContext): void {
  if (ctx.actor.role !== OFFICER) throw new RecordForbiddenError();
}

/** The due date, if the record may be disposed of now; otherwise why not. */
function disposable(state: RecordState, now: Date): string {
  if (!state.closedAt) {
    throw new RecordStateError(
      'open',
      `Record ${state.recordId} is not closed: its clock has not started`,
    );
  }
  if (state.hold) {
    throw new RecordStateError(
      'legal_hold',
      `Record ${state.recordId} is under a legal hold (${state.hold.reason})`,
    );
  }
  if (state.retention === 'permanent' || state.disposalDueOn === null) {
    throw new RecordStateError('permanent', `Record ${state.recordId} is kept permanently`);
  }
  if (koreanDay(now) < state.disposalDueOn) {
    throw new RecordStateError(
      'not_due',
      `Record ${state.recordId} is kept until ${state.disposalDueOn}`,
    );
  }
  return state.disposalDueOn;
}
