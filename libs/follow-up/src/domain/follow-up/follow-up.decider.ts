/**
 * Follow-up rules. Every command is checked in the same order, so the same situation always
 * gets the same answer and nothing leaks to those who may not see the task:
 *   1. role gate (Forbidden): auditors, admins and the system never work tasks by hand, and
 *      only the system records routing and timers. This does not depend on the task, so it
 *      reveals nothing about it.
 *   2. visibility (NotFound): the task does not exist, or the actor may not see it.
 *   3. party (Forbidden): the actor sees the task but is not the side that does this verb
 *      (e.g. the assignee's officer trying to accept).
 *   4. state (InvalidState, naming the current state).
 *   5. inputs (InvalidInput, naming the field).
 * System commands stop after step 2 and return no events when they no longer apply: timers
 * and retries fire late and twice, and a stale one must be harmless.
 */
import {
  inheritClassification,
  PUBLIC,
  requireClassification,
  requireReadableByAssignee,
  sameClassification,
} from '../classification';
import { AgencyInfo, DecisionContext, PersonInfo } from '../context';
import { assertNever, Decider } from '../decider';
import {
  AlreadyExistsError,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from '../domain.errors';
import { FOLLOW_UP_PRIORITIES, FollowUpEvent, FollowUpStatus, SourceKind } from '../events';
import { requireDirectoryEntry, optionalText, requireText, requireTimestamp } from '../validation';
import { canSeeWorkshop } from '../workshop/workshop.policy';
import { hasAction, hasRequest, WorkshopState } from '../workshop/workshop.state';
import {
  AssignFollowUp,
  AssigneeCommand,
  ChangeFollowUpClassification,
  FollowUpCommand,
  HostCommand,
  SystemCommand,
} from './follow-up.commands';
import { decideAttachFile, decideComment } from './follow-up.collaboration';
import {
  checkJointReassignment,
  contributionsOnAssign,
  decideContribution,
  requireContributionsIn,
} from './contribution.decider';
import {
  actsAs,
  canSeeFollowUp,
  FollowUpParty,
  isTheOfficer,
  liaisonAgencyFor,
  officerIdOf,
} from './follow-up.policy';
import {
  ALL_FOLLOW_UP_STATUSES,
  evolveFollowUp,
  FollowUpState,
  initialFollowUpState,
  isOpen,
} from './follow-up.state';

/** The verbs people perform on an existing follow-up. */
export type FollowUpVerbCommand = Exclude<HostCommand | AssigneeCommand, AssignFollowUp>;

export interface FollowUpVerbRule {
  party: Exclude<FollowUpParty, 'system'>;
  verb: string;
  from: readonly FollowUpStatus[];
}

const OPEN_STATUSES = ALL_FOLLOW_UP_STATUSES.filter(isOpen);
/** A declined task waits for the host to reassign it: nobody at the agency takes it then. */
const CLAIMABLE_STATUSES = OPEN_STATUSES.filter((s) => s !== 'declined');

/** The state machine: who does each verb, and from which states. */
export const FOLLOW_UP_VERBS: Readonly<Record<FollowUpVerbCommand['kind'], FollowUpVerbRule>> = {
  // The officer may acknowledge from the inbox before the routing is recorded.
  AcknowledgeFollowUp: {
    party: 'assignee',
    verb: 'acknowledge',
    from: ['assigned', 'routed', 'reassigned'],
  },
  StartFollowUp: { party: 'assignee', verb: 'start', from: ['acknowledged', 'rejected'] },
  ReportProgress: { party: 'assignee', verb: 'report progress', from: ['in_progress'] },
  SubmitFollowUp: { party: 'assignee', verb: 'submit', from: ['in_progress'] },
  DeclineFollowUp: {
    party: 'assignee',
    verb: 'decline',
    from: ['assigned', 'routed', 'reassigned', 'acknowledged', 'in_progress'],
  },
  // Taking the task or passing it on does not move its status.
  ClaimFollowUp: { party: 'assignee', verb: 'claim', from: CLAIMABLE_STATUSES },
  HandOverFollowUp: { party: 'assignee', verb: 'hand over', from: CLAIMABLE_STATUSES },
  AcceptFollowUp: { party: 'host', verb: 'accept', from: ['submitted'] },
  RejectFollowUp: { party: 'host', verb: 'reject', from: ['submitted'] },
  ReassignFollowUp: {
    party: 'host',
    verb: 'reassign',
    from: ['declined', 'assigned', 'routed', 'reassigned', 'acknowledged', 'in_progress'],
  },
  ExtendDueDate: { party: 'host', verb: 'extend the due date', from: OPEN_STATUSES },
  CancelFollowUp: { party: 'host', verb: 'cancel', from: OPEN_STATUSES },
};

export function decideFollowUp(
  command: FollowUpCommand,
  state: FollowUpState,
  ctx: DecisionContext,
): FollowUpEvent[] {
  const followUpId = state.followUpId;
  switch (command.kind) {
    case 'AssignFollowUp': {
      const assigned: FollowUpEvent = {
        type: 'FollowUpAssigned',
        data: assign(command, state, ctx),
      };
      const lead = evolveFollowUp(state, assigned);
      return [assigned, ...contributionsOnAssign(command.supportingAgencies, lead, ctx)];
    }

    case 'AcknowledgeFollowUp':
      authorize(command, state, ctx);
      return [{ type: 'FollowUpAcknowledged', data: { followUpId, agency: state.assigneeAgency } }];
    case 'StartFollowUp':
      authorize(command, state, ctx);
      return [{ type: 'FollowUpStarted', data: { followUpId, agency: state.assigneeAgency } }];
    case 'ReportProgress': {
      authorize(command, state, ctx);
      const note = requireText('note', command.note);
      if (command.personal && !command.sealedNote) {
        // the handler seals before deciding; clear personal text never reaches the log
        throw new Error('a personal progress note must arrive sealed');
      }
      const data = command.sealedNote
        ? {
            followUpId,
            agency: state.assigneeAgency,
            note: command.sealedNote,
            personal: true as const,
          }
        : { followUpId, agency: state.assigneeAgency, note };
      return [{ type: 'FollowUpProgressReported', data }];
    }
    case 'SubmitFollowUp': {
      authorize(command, state, ctx);
      requireContributionsIn(state);
      const response = requireText('response', command.response);
      const data = { followUpId, agency: state.assigneeAgency, response };
      return [{ type: 'FollowUpSubmitted', data }];
    }
    case 'DeclineFollowUp': {
      authorize(command, state, ctx);
      const reason = requireText('reason', command.reason);
      const data = { followUpId, agency: state.assigneeAgency, reason };
      return [{ type: 'FollowUpDeclined', data }];
    }

    case 'ClaimFollowUp': {
      authorize(command, state, ctx);
      if (state.officerId !== undefined) {
        throw new InvalidStateError('Follow-up', 'claimed', 'claim');
      }
      const data = { followUpId, agency: state.assigneeAgency, officerId: officerIdOf(ctx.actor) };
      return [{ type: 'FollowUpClaimed', data }];
    }
    case 'HandOverFollowUp': {
      authorize(command, state, ctx);
      const officerId = requireText('officerId', command.officerId);
      if (officerId === state.officerId) {
        throw new InvalidInputError('officerId', 'is already the officer of this follow-up');
      }
      requireOfficer('officerId', officerId, state.assigneeAgency, ctx.people);
      // A confidential task goes only to a person it names: handing it to anyone else would
      // give them a task they may not read (the same rule as assign and reassign).
      requireReadableByAssignee(state.classification ?? PUBLIC, state.assigneeAgency, officerId, {
        agency: 'assigneeAgency',
        officer: 'officerId',
      });
      const reason = optionalText('reason', command.reason);
      const data = {
        followUpId,
        agency: state.assigneeAgency,
        ...(state.officerId !== undefined && { fromOfficerId: state.officerId }),
        officerId,
        ...(reason !== undefined && { reason }),
      };
      return [{ type: 'FollowUpHandedOver', data }];
    }

    case 'AcceptFollowUp':
      authorize(command, state, ctx);
      return [{ type: 'FollowUpAccepted', data: { followUpId } }];
    case 'RejectFollowUp': {
      authorize(command, state, ctx);
      const reason = requireText('reason', command.reason);
      return [{ type: 'FollowUpRejected', data: { followUpId, reason } }];
    }
    case 'ReassignFollowUp': {
      authorize(command, state, ctx);
      checkJointReassignment(state, command.assigneeAgency);
      requireReadableByAssignee(
        state.classification ?? PUBLIC,
        command.assigneeAgency,
        command.officerId,
        { agency: 'assigneeAgency', officer: 'officerId' },
      );
      requireAssignableAgency(command.assigneeAgency, state, ctx.agencies);
      const { officerId } = command;
      // Within the same agency a reassignment only names a new officer (the former one is gone
      // or cannot do it); without one it would change nothing.
      if (command.assigneeAgency === state.assigneeAgency && officerId === undefined) {
        throw new InvalidInputError('assigneeAgency', `is already ${state.assigneeAgency}`);
      }
      if (officerId !== undefined) {
        if (command.assigneeAgency === state.assigneeAgency && officerId === state.officerId) {
          throw new InvalidInputError('officerId', 'is already the officer of this follow-up');
        }
        requireOfficer('officerId', officerId, command.assigneeAgency, ctx.people);
      }
      const reason = requireText('reason', command.reason);
      const data = {
        followUpId,
        fromAgency: state.assigneeAgency,
        assigneeAgency: command.assigneeAgency,
        reason,
        ...(officerId !== undefined && { officerId }),
      };
      return [{ type: 'FollowUpReassigned', data }];
    }
    case 'ExtendDueDate': {
      authorize(command, state, ctx);
      const dueAt = requireFutureTimestamp('dueAt', command.dueAt, ctx.now);
      if (Date.parse(dueAt) <= Date.parse(state.dueAt)) {
        throw new InvalidInputError(
          'dueAt',
          `must be later than the current due time ${state.dueAt}`,
        );
      }
      const reason = requireText('reason', command.reason);
      const data = { followUpId, previousDueAt: state.dueAt, dueAt, reason };
      return [{ type: 'FollowUpDueDateExtended', data }];
    }
    case 'CancelFollowUp': {
      authorize(command, state, ctx);
      const reason = requireText('reason', command.reason);
      return [{ type: 'FollowUpCancelled', data: { followUpId, reason } }];
    }

    case 'CommentOnFollowUp':
      return [{ type: 'FollowUpCommented', data: decideComment(command, state, ctx) }];
    case 'AttachFile':
      return [{ type: 'FollowUpFileAttached', data: decideAttachFile(command, state, ctx) }];

    case 'ChangeFollowUpClassification':
      return changeClassification(command, state, ctx);

    case 'RequestContribution':
    case 'WaiveContribution':
    case 'OpenContribution':
    case 'CancelContribution':
    case 'RecordContribution':
      return decideContribution(command, state, ctx);

    case 'RecordRouting':
    case 'RecordDelivery':
    case 'RecordRoutingFailure':
    case 'SendReminder':
    case 'MarkOverdue':
    case 'Escalate':
      authorizeSystem(command, state, ctx);
      return decideSystem(command, state, ctx);

    default:
      return assertNever(command);
  }
}

function assign(command: AssignFollowUp, state: FollowUpState, ctx: DecisionContext) {
  const { actor, agencies, now, people } = ctx;
  const { workshop } = command;
  if (actor.role !== 'bureau_head')
    throw new ForbiddenError('Only a bureau head may assign follow-ups');
  // Only the host's bureau heads may see the workshop, so for anyone else it does not exist.
  if (!canSeeWorkshop(actor, workshop)) {
    throw new NotFoundError('Workshop', workshop.workshopId || undefined);
  }
  if (state.exists) throw new AlreadyExistsError('Follow-up', command.followUpId);

  const sourceKind = sourceKindOf(workshop, command.sourceId);
  requireAssignableAgency(command.assigneeAgency, workshop, agencies);
  const { officerId } = command;
  if (officerId !== undefined)
    requireOfficer('officerId', officerId, command.assigneeAgency, people);
  const title = requireText('title', command.title);
  const instructions = optionalText('instructions', command.instructions);
  const dueAt = requireFutureTimestamp('dueAt', command.dueAt, now);
  const priority = command.priority ?? 'normal';
  if (!FOLLOW_UP_PRIORITIES.includes(priority)) {
    throw new InvalidInputError('priority', `must be one of ${FOLLOW_UP_PRIORITIES.join(', ')}`);
  }
  const requested =
    command.classification && requireClassification(command.classification, agencies);
  const classification = inheritClassification(
    workshop.classification,
    requested,
    requested !== undefined,
  );
  requireReadableByAssignee(classification, command.assigneeAgency, officerId, {
    agency: 'assigneeAgency',
    officer: 'officerId',
  });

  return {
    followUpId: command.followUpId,
    workshopId: workshop.workshopId,
    hostAgency: workshop.hostAgency,
    sourceId: command.sourceId,
    sourceKind,
    assigneeAgency: command.assigneeAgency,
    title,
    ...(instructions !== undefined && { instructions }),
    dueAt,
    priority,
    ...(officerId !== undefined && { officerId }),
    ...(classification.level !== 'public' && { classification }),
  };
}

/** The host bureau head raises or lowers the classification; the task's own people must still
 * be able to read it (the assignee agency named, the named officer among the people). */
function changeClassification(
  command: ChangeFollowUpClassification,
  state: FollowUpState,
  ctx: DecisionContext,
): FollowUpEvent[] {
  const { actor } = ctx;
  if (actor.role !== 'bureau_head') {
    throw new ForbiddenError(`Role ${actor.role} may not classify a follow-up`);
  }
  if (!state.exists || state.followUpId !== command.followUpId || !canSeeFollowUp(actor, state)) {
    throw new NotFoundError('Follow-up', command.followUpId);
  }
  if (!actsAs(actor, 'host', state)) {
    throw new ForbiddenError(
      `Only a bureau head of ${state.hostAgency} may classify this follow-up`,
    );
  }
  const classification = requireClassification(command.classification, ctx.agencies);
  // never less strict than the workshop's (422 naming classification.level or the name)
  if (command.workshop)
    inheritClassification(command.workshop.classification, classification, true);
  requireReadableByAssignee(classification, state.assigneeAgency, state.officerId, {
    agency: 'classification.agencies',
    officer: 'classification.people',
  });
  if (sameClassification(state.classification, classification)) return [];
  const previous = state.classification ?? PUBLIC;
  const data = { followUpId: state.followUpId, classification, previous };
  return [{ type: 'FollowUpClassificationChanged', data }];
}

/** Steps 1–4 of the order above, for the people's verbs. */
function authorize(
  command: FollowUpVerbCommand,
  state: FollowUpState,
  { actor }: DecisionContext,
): void {
  const rule = FOLLOW_UP_VERBS[command.kind];
  if (actor.role !== 'bureau_head' && actor.role !== 'agency_officer') {
    throw new ForbiddenError(`Role ${actor.role} may not ${rule.verb} a follow-up`);
  }
  if (!state.exists || state.followUpId !== command.followUpId || !canSeeFollowUp(actor, state)) {
    throw new NotFoundError('Follow-up', command.followUpId);
  }
  if (!actsAs(actor, rule.party, state)) {
    throw new ForbiddenError(
      rule.party === 'host'
        ? `Only a bureau head of ${state.hostAgency} may ${rule.verb} this follow-up`
        : `Only an officer of ${state.assigneeAgency} may ${rule.verb} this follow-up`,
    );
  }
  // A claimed task is its officer's: colleagues see it but work it only when acting for them
  // (대결). Claiming a claimed task is a question of state (409), asked below.
  if (
    rule.party === 'assignee' &&
    command.kind !== 'ClaimFollowUp' &&
    !isTheOfficer(actor, state)
  ) {
    throw new ForbiddenError(
      `Only the officer of this follow-up, ${state.officerId}, or someone acting for them may ${rule.verb} it`,
    );
  }
  if (!rule.from.includes(state.status)) {
    throw new InvalidStateError('Follow-up', state.status, rule.verb);
  }
}

function authorizeSystem(command: SystemCommand, state: FollowUpState, { actor }: DecisionContext) {
  if (!actsAs(actor, 'system', state)) {
    throw new ForbiddenError('Only the system records routing, delivery and timers');
  }
  if (!state.exists || state.followUpId !== command.followUpId) {
    throw new NotFoundError('Follow-up', command.followUpId);
  }
}

/** Returns [] whenever the fact is already recorded or no longer applies. */
function decideSystem(
  command: SystemCommand,
  state: FollowUpState,
  { now }: DecisionContext,
): FollowUpEvent[] {
  const { followUpId, assigneeAgency: agency, dueAt } = state;
  const open = isOpen(state.status);
  // A job for a former assignee is stale: the reassignment started a new route.
  const forCurrentAssignee = 'agency' in command && command.agency === agency;
  // A timer for an earlier due date is stale: the extension scheduled new ones.
  const forCurrentDueAt = 'dueAt' in command && sameInstant(command.dueAt, dueAt);

  switch (command.kind) {
    case 'RecordRouting': {
      const routable = state.status === 'assigned' || state.status === 'reassigned';
      if (!routable || !forCurrentAssignee || state.routedTo === agency) return [];
      const queue = requireText('queue', command.queue);
      return [{ type: 'FollowUpRouted', data: { followUpId, agency, queue } }];
    }
    case 'RecordDelivery': {
      if (!open || !forCurrentAssignee || state.deliveredTo === agency) return [];
      if (!Number.isInteger(command.attempts) || command.attempts < 1) {
        throw new InvalidInputError('attempts', 'must be a whole number of at least 1');
      }
      const data = { followUpId, agency, channel: command.channel, attempts: command.attempts };
      return [{ type: 'FollowUpDelivered', data }];
    }
    case 'RecordRoutingFailure': {
      if (!open || !forCurrentAssignee || state.routingFailed) return [];
      const reason = requireText('reason', command.reason);
      // The assigning bureau must learn that its task did not reach the agency; recorded with
      // the failure so that neither can be stored without the other.
      const escalation = `Routing to ${agency} failed: ${reason}`;
      return [
        { type: 'FollowUpRoutingFailed', data: { followUpId, agency, reason } },
        {
          type: 'FollowUpEscalated',
          data: { followUpId, toAgency: state.hostAgency, reason: escalation },
        },
      ];
    }
    case 'SendReminder':
      // Past the due time a "due soon" reminder would only confuse.
      if (!open || !forCurrentDueAt || state.reminderSentFor === dueAt || state.overdue) return [];
      return [{ type: 'FollowUpReminderSent', data: { followUpId, agency, dueAt } }];
    case 'MarkOverdue':
      if (!open || !forCurrentDueAt || state.overdue || now.getTime() < Date.parse(dueAt)) {
        return [];
      }
      return [{ type: 'FollowUpOverdue', data: { followUpId, agency, dueAt } }];
    case 'Escalate': {
      if (!open || !forCurrentDueAt || !state.overdue || state.escalated) return [];
      const reason = requireText('reason', command.reason);
      return [
        { type: 'FollowUpEscalated', data: { followUpId, toAgency: state.hostAgency, reason } },
      ];
    }
    default:
      return assertNever(command);
  }
}

function sourceKindOf(workshop: WorkshopState, sourceId: string): SourceKind {
  if (hasAction(workshop, sourceId)) return 'action';
  if (hasRequest(workshop, sourceId)) return 'info_request';
  throw new InvalidInputError(
    'sourceId',
    `${sourceId} is not an action or info request of workshop ${workshop.workshopId}`,
  );
}

/** Only agencies work follow-ups; a counterpart's share goes to its liaison agency. */
function requireAssignableAgency(
  code: string,
  workshop: { hostAgency: string },
  agencies: ReadonlyMap<string, AgencyInfo>,
): void {
  if (agencies.get(code)?.kind === 'counterpart') {
    const liaison = liaisonAgencyFor(code, workshop, agencies);
    throw new InvalidInputError(
      'assigneeAgency',
      `${code} is an outside counterpart and cannot work follow-ups; assign its liaison agency ${liaison}`,
    );
  }
  requireDirectoryEntry('assigneeAgency', code, agencies, ['agency']);
}

/** An active agency officer of `agency`, as the directory the handler read has them. */
function requireOfficer(
  field: string,
  id: string,
  agency: string,
  people: ReadonlyMap<string, PersonInfo> | undefined,
): void {
  const person = people?.get(id);
  if (!person) throw new InvalidInputError(field, `${id} is not a person of the directory`);
  if (!person.active) throw new InvalidInputError(field, `${id} is deactivated`);
  if (!person.roles.includes('agency_officer') || person.agency !== agency) {
    throw new InvalidInputError(field, `${id} is not an officer of ${agency}`);
  }
}

function requireFutureTimestamp(field: string, value: string, now: Date): string {
  const at = requireTimestamp(field, value);
  if (Date.parse(at) <= now.getTime()) {
    throw new InvalidInputError(field, `must be after now (${now.toISOString()})`);
  }
  return at;
}

/** A time that does not parse (NaN) equals nothing, itself included: such a timer is stale. */
function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

export const followUpDecider: Decider<FollowUpCommand, FollowUpState, FollowUpEvent> = {
  decide: decideFollowUp,
  evolve: evolveFollowUp,
  initialState: initialFollowUpState,
};
