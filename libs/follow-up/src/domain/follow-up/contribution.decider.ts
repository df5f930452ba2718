/**
 * Joint tasks (주관/협조). The host bureau head asks supporting agencies (협조기관) for
 * contributions to a lead task; each contribution is a task of its own (`kind: 'contribution'`,
 * `leadFollowUpId`), routed to its agency's queue and worked through the same verbs. The lead
 * records what becomes of each (the contribution process sends the system commands below) and
 * may not submit until each is in or waived.
 *
 * Who accepts a contribution: the host bureau head, as for every task of the workshop (the
 * `host` party of FOLLOW_UP_VERBS, unchanged). The bureau head is the one who asked for it and
 * the one who may waive it, so acceptance and waiver stay with one person; the lead agency sees
 * each contribution's answer on its own task as soon as it is submitted, which is what it needs
 * to write the joint answer.
 *
 * The checks come in the decider's order: role, visibility (404), party, state (409), inputs.
 * System commands return no events when the fact is recorded already or no longer applies, so
 * a replayed or late fact is harmless.
 */
import { DecisionContext } from '../context';
import { assertNever } from '../decider';
import {
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from '../domain.errors';
import { FollowUpEvent, FollowUpStatus } from '../events';
import { optionalText, requireDirectoryEntry, requireText, requireTimestamp } from '../validation';
import {
  CancelContribution,
  ContributionCommand,
  ContributionHostCommand,
  OpenContribution,
  RecordContribution,
  RequestContribution,
  SupportingAgencyRequest,
  WaiveContribution,
} from './contribution.commands';
import { ContributionEntry } from './contribution.state';
import { levelOf } from '../classification';
import { actsAs, canSeeFollowUp } from './follow-up.policy';
import { evolveFollowUp, FollowUpState, isOpen } from './follow-up.state';

/** A lead asks for contributions until it submits. */
export const CONTRIBUTION_REQUESTABLE: readonly FollowUpStatus[] = [
  'assigned',
  'routed',
  'reassigned',
  'acknowledged',
  'in_progress',
  'rejected',
  'declined',
];

export function decideContribution(
  command: ContributionCommand,
  state: FollowUpState,
  ctx: DecisionContext,
): FollowUpEvent[] {
  switch (command.kind) {
    case 'RequestContribution':
      return request(command, state, ctx);
    case 'WaiveContribution':
      return waive(command, state, ctx);
    case 'OpenContribution':
      authorizeSystem(command, ctx);
      return open(command, state);
    case 'CancelContribution':
      authorizeSystem(command, ctx);
      return cancel(command, state);
    case 'RecordContribution':
      authorizeSystem(command, ctx);
      return record(command, state);
    default:
      return assertNever(command);
  }
}

/** At most this many supporting agencies with one assignment: the assignment and its requests
 * stay within the events one command may bind to an Idempotency-Key. */
export const MAX_SUPPORTING_AGENCIES = 10;

/**
 * The contributions asked with an assignment (`supportingAgencies`), as if each were asked right
 * after it by the same bureau head: the same rules, the field named by its place in the list.
 */
export function contributionsOnAssign(
  requests: readonly SupportingAgencyRequest[] | undefined,
  lead: FollowUpState,
  ctx: DecisionContext,
): FollowUpEvent[] {
  if (requests === undefined) return [];
  if (!Array.isArray(requests) || requests.length > MAX_SUPPORTING_AGENCIES) {
    throw new InvalidInputError(
      'supportingAgencies',
      `must be a list of at most ${MAX_SUPPORTING_AGENCIES} agencies`,
    );
  }
  const events: FollowUpEvent[] = [];
  let state = lead;
  requests.forEach((r, i) => {
    const command: RequestContribution = {
      kind: 'RequestContribution',
      followUpId: lead.followUpId,
      ...r,
    };
    try {
      for (const e of request(command, state, ctx)) {
        events.push(e);
        state = evolveFollowUp(state, e);
      }
    } catch (err) {
      if (err instanceof InvalidInputError) {
        throw new InvalidInputError(
          `supportingAgencies[${i}].${err.field}`,
          err.message.slice(err.field.length + 1),
        );
      }
      throw err;
    }
  });
  return events;
}

/** The lead's submit waits for every contribution: 409 naming the agencies still missing. */
export function requireContributionsIn(state: FollowUpState): void {
  const missing = (state.contributions ?? []).filter((c) => c.status === 'requested');
  if (missing.length === 0) return;
  const agencies = missing.map((c) => c.agency).join(', ');
  throw new InvalidStateError(
    'Follow-up',
    `waiting for contributions from ${agencies} (each must be submitted or waived by the bureau head)`,
    'submit',
  );
}

/**
 * Reassigning within a joint task: a contribution's agency is fixed by its lead's request (it
 * is waived, not reassigned), and a lead does not go to an agency asked to contribute to it
 * (that agency would answer to itself: waive its contribution first).
 */
export function checkJointReassignment(state: FollowUpState, toAgency: string): void {
  if (state.kind === 'contribution') {
    throw new InvalidStateError(
      'Follow-up',
      `a contribution to ${state.leadFollowUpId} (waive it on the lead and ask another agency)`,
      'reassign',
    );
  }
  const asked = current(state, toAgency);
  if (asked && asked.status !== 'waived') {
    throw new InvalidInputError(
      'assigneeAgency',
      `${toAgency} is asked to contribute to this follow-up; waive its contribution first`,
    );
  }
}

const VERBS: Record<ContributionHostCommand['kind'], string> = {
  RequestContribution: 'ask for a contribution to',
  WaiveContribution: 'waive a contribution to',
};

/** Role, visibility, party: as for the host's verbs. */
function authorizeHost(
  command: ContributionHostCommand,
  state: FollowUpState,
  { actor }: DecisionContext,
): void {
  const verb = VERBS[command.kind];
  if (actor.role !== 'bureau_head' && actor.role !== 'agency_officer') {
    throw new ForbiddenError(`Role ${actor.role} may not ${verb} a follow-up`);
  }
  if (!state.exists || state.followUpId !== command.followUpId || !canSeeFollowUp(actor, state)) {
    throw new NotFoundError('Follow-up', command.followUpId);
  }
  if (!actsAs(actor, 'host', state)) {
    throw new ForbiddenError(
      `Only a bureau head of ${state.hostAgency} may ${verb} this follow-up`,
    );
  }
}

function request(
  command: RequestContribution,
  state: FollowUpState,
  ctx: DecisionContext,
): FollowUpEvent[] {
  authorizeHost(command, state, ctx);
  const verb = 'ask for a contribution';
  if (state.kind === 'contribution') {
    throw new InvalidStateError('Follow-up', `a contribution to ${state.leadFollowUpId}`, verb);
  }
  if (!CONTRIBUTION_REQUESTABLE.includes(state.status)) {
    throw new InvalidStateError('Follow-up', state.status, verb);
  }
  const agency = requireText('agency', command.agency);
  requireDirectoryEntry('agency', agency, ctx.agencies, ['agency']);
  if (agency === state.assigneeAgency) {
    throw new InvalidInputError('agency', `${agency} is the lead agency of this follow-up`);
  }
  const asked = current(state, agency);
  if (asked && asked.status !== 'waived') {
    throw new InvalidInputError(
      'agency',
      `${agency} was already asked (contribution ${asked.contributionId})`,
    );
  }
  const contributionId = requireText('contributionId', command.contributionId);
  if ((state.contributions ?? []).some((c) => c.contributionId === contributionId)) {
    throw new InvalidInputError('contributionId', `${contributionId} is already a contribution`);
  }
  const dueAt = requireTimestamp('dueAt', command.dueAt ?? state.dueAt);
  if (Date.parse(dueAt) <= ctx.now.getTime()) {
    throw new InvalidInputError('dueAt', `must be after now (${ctx.now.toISOString()})`);
  }
  if (Date.parse(dueAt) > Date.parse(state.dueAt)) {
    throw new InvalidInputError(
      'dueAt',
      `must not be later than the lead's due time ${state.dueAt}`,
    );
  }
  const instructions = optionalText('instructions', command.instructions);
  const data = {
    followUpId: state.followUpId,
    contributionId,
    agency,
    dueAt,
    ...(instructions !== undefined && { instructions }),
  };
  return [{ type: 'FollowUpContributionRequested', data }];
}

function waive(
  command: WaiveContribution,
  state: FollowUpState,
  ctx: DecisionContext,
): FollowUpEvent[] {
  authorizeHost(command, state, ctx);
  if (!isOpen(state.status)) {
    throw new InvalidStateError('Follow-up', state.status, 'waive a contribution');
  }
  const entry = current(state, command.agency);
  if (!entry) throw new NotFoundError('Contribution of', command.agency);
  if (entry.status !== 'requested') {
    throw new InvalidStateError(`The contribution of ${entry.agency}`, entry.status, 'waive it');
  }
  const reason = requireText('reason', command.reason);
  const { contributionId, agency } = entry;
  const data = { followUpId: state.followUpId, contributionId, agency, reason };
  return [{ type: 'FollowUpContributionWaived', data }];
}

function authorizeSystem(command: ContributionCommand, { actor }: DecisionContext): void {
  if (actor.role !== 'system') {
    throw new ForbiddenError(`Only the system may ${command.kind}`);
  }
}

/** The contribution's own task, from its lead's request. */
function open({ followUpId, lead }: OpenContribution, state: FollowUpState): FollowUpEvent[] {
  if (state.exists) return []; // opened already
  const entry = lead.contributions?.find((c) => c.contributionId === followUpId);
  if (!lead.exists || !entry) throw new NotFoundError('Contribution', followUpId);
  if (!isOpen(lead.status) || entry.status === 'waived') return [];
  const data = {
    followUpId,
    workshopId: lead.workshopId,
    hostAgency: lead.hostAgency,
    sourceId: lead.sourceId,
    sourceKind: lead.sourceKind,
    assigneeAgency: entry.agency,
    title: lead.title,
    ...(entry.instructions !== undefined && { instructions: entry.instructions }),
    dueAt: entry.dueAt,
    priority: lead.priority,
    kind: 'contribution' as const,
    leadFollowUpId: lead.followUpId,
    leadAgency: lead.assigneeAgency,
    // A classified lead's contribution (it carries the lead's title) is restricted to the
    // agency asked and the lead's agency: the host chose to involve them, and no one else.
    ...(levelOf(lead.classification) !== 'public' && {
      classification: {
        level: 'restricted' as const,
        agencies: [...new Set([entry.agency, lead.assigneeAgency])],
      },
    }),
  };
  return [{ type: 'FollowUpAssigned', data }];
}

function cancel(command: CancelContribution, state: FollowUpState): FollowUpEvent[] {
  if (!state.exists) return [];
  if (state.kind !== 'contribution') {
    throw new ForbiddenError('Only a contribution task is cancelled by the contribution process');
  }
  if (!isOpen(state.status)) return [];
  const reason = requireText('reason', command.reason);
  return [{ type: 'FollowUpCancelled', data: { followUpId: state.followUpId, reason } }];
}

function record(command: RecordContribution, state: FollowUpState): FollowUpEvent[] {
  if (!state.exists || state.followUpId !== command.followUpId) {
    throw new NotFoundError('Follow-up', command.followUpId);
  }
  const entry = state.contributions?.find((c) => c.contributionId === command.contributionId);
  if (!entry || !isOpen(state.status) || entry.status === 'waived') return [];
  const { followUpId } = state;
  const { contributionId, agency } = entry;
  switch (command.outcome) {
    case 'cancelled': {
      const reason = `Its task was cancelled: ${requireText('reason', command.reason)}`;
      return [
        {
          type: 'FollowUpContributionWaived',
          data: { followUpId, contributionId, agency, reason },
        },
      ];
    }
    case 'submitted':
    case 'accepted': {
      if (command.contributionVersion <= entry.recordedVersion) return [];
      const response = requireText('response', command.response ?? entry.response);
      const { contributionVersion } = command;
      const data = {
        followUpId,
        contributionId,
        agency,
        status: command.outcome,
        response,
        contributionVersion,
      };
      return [{ type: 'FollowUpContributionReceived', data }];
    }
    case 'returned': {
      if (command.contributionVersion <= entry.recordedVersion) return [];
      const reason = requireText('reason', command.reason);
      const { contributionVersion } = command;
      const data = { followUpId, contributionId, agency, reason, contributionVersion };
      return [{ type: 'FollowUpContributionReopened', data }];
    }
    default:
      return assertNever(command.outcome);
  }
}

/** The agency's latest contribution (an agency may be asked again after a waiver). */
function current(state: FollowUpState, agency: string): ContributionEntry | undefined {
  return (state.contributions ?? []).filter((c) => c.agency === agency).at(-1);
}
