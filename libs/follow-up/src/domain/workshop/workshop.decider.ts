/**
 * Workshop rules. Checks run in a fixed order so every caller gets the same answer for the
 * same situation: role (Forbidden) → the workshop as the actor may know it (NotFound /
 * AlreadyExists) → inputs (InvalidInput). The role check comes first because it does not
 * depend on the workshop, so it reveals nothing about it.
 */
import { PUBLIC, requireClassification, sameClassification } from '../classification';
import { DecisionContext } from '../context';
import { assertNever, Decider } from '../decider';
import {
  AlreadyExistsError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../domain.errors';
import { WorkshopEvent } from '../events';
import {
  optionalText,
  requireCalendarDate,
  requireDirectoryEntry,
  requireText,
  requireUnique,
} from '../validation';
import { AgreeAction, HoldWorkshop, RequestInfo, WorkshopCommand } from './workshop.commands';
import { canSeeWorkshop } from './workshop.policy';
import {
  evolveWorkshop,
  hasAction,
  hasRequest,
  initialWorkshopState,
  WorkshopState,
} from './workshop.state';

export function decideWorkshop(
  command: WorkshopCommand,
  state: WorkshopState,
  ctx: DecisionContext,
): WorkshopEvent[] {
  if (ctx.actor.role !== 'bureau_head') {
    throw new ForbiddenError('Only a bureau head may record workshops, actions and requests');
  }
  switch (command.kind) {
    case 'HoldWorkshop':
      return [{ type: 'WorkshopHeld', data: holdWorkshop(command, state, ctx) }];
    case 'AgreeAction':
      return [{ type: 'ActionAgreed', data: agreeAction(command, state, ctx) }];
    case 'RequestInfo':
      return [{ type: 'InfoRequested', data: requestInfo(command, state, ctx) }];
    case 'ChangeWorkshopClassification': {
      requireRecordableWorkshop(command.workshopId, state, ctx);
      const classification = requireClassification(command.classification, ctx.agencies);
      // Setting what is already there records nothing (a retried request is harmless).
      if (sameClassification(state.classification, classification)) return [];
      const previous = state.classification ?? PUBLIC;
      const data = { workshopId: command.workshopId, classification, previous };
      return [{ type: 'WorkshopClassificationChanged', data }];
    }
    default:
      return assertNever(command);
  }
}

function holdWorkshop(command: HoldWorkshop, state: WorkshopState, ctx: DecisionContext) {
  const { agencies, actor } = ctx;
  if (command.hostAgency !== actor.agency) {
    throw new ForbiddenError('A bureau head may only record workshops hosted by their own agency');
  }
  if (state.exists) throw new AlreadyExistsError('Workshop', command.workshopId);

  const title = requireText('title', command.title);
  const heldOn = requireCalendarDate('heldOn', command.heldOn);
  requireDirectoryEntry('hostAgency', command.hostAgency, agencies, ['agency']);
  requireCodes('counterparts', command.counterparts, (field, code) =>
    requireDirectoryEntry(field, code, agencies, ['counterpart'], { mustBeActive: false }),
  );
  requireCodes('attendingAgencies', command.attendingAgencies, (field, code) =>
    requireDirectoryEntry(field, code, agencies, ['agency']),
  );
  const topics = command.topics.map((topic, i) => requireText(`topics[${i}]`, topic));
  requireUnique('topics', topics);
  const summary = optionalText('summary', command.summary);
  const classification = requireClassification(command.classification, agencies);

  return {
    workshopId: command.workshopId,
    title,
    heldOn,
    hostAgency: command.hostAgency,
    counterparts: [...command.counterparts],
    attendingAgencies: [...command.attendingAgencies],
    topics,
    ...(summary !== undefined && { summary }),
    ...(classification.level !== 'public' && { classification }),
  };
}

function agreeAction(command: AgreeAction, state: WorkshopState, ctx: DecisionContext) {
  requireRecordableWorkshop(command.workshopId, state, ctx);
  requireUnusedId(state, 'Action', command.actionId);

  const description = requireText('description', command.description);
  requireDirectoryEntry('ownerAgency', command.ownerAgency, ctx.agencies, ['agency']);
  const supportingAgencies = [...(command.supportingAgencies ?? [])];
  requireCodes('supportingAgencies', supportingAgencies, (field, code) => {
    requireDirectoryEntry(field, code, ctx.agencies, ['agency']);
    if (code === command.ownerAgency) {
      throw new InvalidInputError(field, `${code} is already the owner agency`);
    }
  });
  const dueDate = optionalDueDate(command.dueDate, state);

  return {
    workshopId: command.workshopId,
    actionId: command.actionId,
    description,
    ownerAgency: command.ownerAgency,
    supportingAgencies,
    ...(dueDate !== undefined && { dueDate }),
  };
}

function requestInfo(command: RequestInfo, state: WorkshopState, ctx: DecisionContext) {
  requireRecordableWorkshop(command.workshopId, state, ctx);
  requireUnusedId(state, 'Info request', command.requestId);

  const subject = requireText('subject', command.subject);
  requireDirectoryEntry('requestedBy', command.requestedBy, ctx.agencies, ['agency']);
  requireDirectoryEntry('requestedFrom', command.requestedFrom, ctx.agencies, [
    'agency',
    'counterpart',
  ]);
  if (command.requestedFrom === command.requestedBy) {
    throw new InvalidInputError('requestedFrom', 'must differ from requestedBy');
  }
  const dueDate = optionalDueDate(command.dueDate, state);

  return {
    workshopId: command.workshopId,
    requestId: command.requestId,
    subject,
    requestedBy: command.requestedBy,
    requestedFrom: command.requestedFrom,
    ...(dueDate !== undefined && { dueDate }),
  };
}

/** Only the host's bureau heads add to a workshop; to anyone else it does not exist. */
function requireRecordableWorkshop(workshopId: string, state: WorkshopState, ctx: DecisionContext) {
  if (state.workshopId !== workshopId || !canSeeWorkshop(ctx.actor, state)) {
    throw new NotFoundError('Workshop', workshopId);
  }
}

/** Action and request ids share one namespace: a follow-up's sourceId must name exactly one. */
function requireUnusedId(state: WorkshopState, entity: string, id: string) {
  if (hasAction(state, id) || hasRequest(state, id)) throw new AlreadyExistsError(entity, id);
}

function requireCodes(
  field: string,
  codes: readonly string[],
  check: (field: string, code: string) => void,
): void {
  requireUnique(field, codes);
  codes.forEach((code, i) => check(`${field}[${i}]`, code));
}

function optionalDueDate(dueDate: string | undefined, state: WorkshopState): string | undefined {
  if (dueDate === undefined) return undefined;
  requireCalendarDate('dueDate', dueDate);
  if (dueDate < state.heldOn) {
    throw new InvalidInputError('dueDate', `must not be before the workshop date ${state.heldOn}`);
  }
  return dueDate;
}

export const workshopDecider: Decider<WorkshopCommand, WorkshopState, WorkshopEvent> = {
  decide: decideWorkshop,
  evolve: evolveWorkshop,
  initialState: initialWorkshopState,
};
