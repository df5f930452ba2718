import {
  CounterpartActor,
  CounterpartCommand,
  CounterpartDecisionContext,
  DraftCounterpartRequest,
} from './counterpart-request.commands';
import { CounterpartEvent, LinkIssued } from './counterpart-request.events';
import { CounterpartRequestState, OWED_STATUSES } from './counterpart-request.state';
import {
  CounterpartForbiddenError,
  CounterpartInputError,
  CounterpartNotFoundError,
  CounterpartStateError,
  LinkRefusal,
  LinkRefusedError,
} from './counterpart.errors';

/** Longest answer text and note, in characters. */
export const MAX_TEXT = 20_000;
export const MAX_NOTE = 2_000;

/** Bureau heads of the host or of the liaison agency manage the request; auditors read it. */
export function canSeeRequest(actor: CounterpartActor, state: CounterpartRequestState): boolean {
  if (actor.role === 'auditor') return true;
  return canManageRequest(actor, state);
}

export function canManageRequest(
  actor: CounterpartActor,
  state: Pick<CounterpartRequestState, 'hostAgency' | 'liaisonAgency'>,
): boolean {
  return (
    actor.role === 'bureau_head' &&
    actor.agency !== undefined &&
    (actor.agency === state.hostAgency || actor.agency === state.liaisonAgency)
  );
}

/**
 * Whether a link (its id and the expiry its signed token carried) may be used now. The token's
 * signature was checked before: this is what the log says about the link.
 */
export function linkStanding(
  state: CounterpartRequestState,
  link: LinkIssued,
  now: Date,
): LinkRefusal | 'ok' {
  const known = state.links[link.linkId];
  // A link of another request, or an expiry that is not the one issued: not this request's link.
  if (state.status === 'none' || !known || known.expiresAt !== link.expiresAt) return 'invalid';
  if (state.status === 'closed') return 'closed';
  if (known.status === 'used') return 'used';
  if (known.status === 'replaced') return 'replaced';
  if (Date.parse(known.expiresAt) <= now.getTime()) return 'expired';
  return 'ok';
}

/** decide(command, state) → events. Pure: ids, links and times come in the command and context. */
export function decide(
  command: CounterpartCommand,
  state: CounterpartRequestState,
  ctx: CounterpartDecisionContext,
): CounterpartEvent[] {
  switch (command.kind) {
    case 'Draft':
      return draft(command, state, ctx);
    case 'Send': {
      requireManager(state, ctx);
      requireStatus(state, ['drafted'], 'send');
      const dueAt = requireFutureTime('dueAt', command.dueAt ?? state.dueAt, ctx.now);
      return [
        {
          type: 'CounterpartRequestSent',
          data: { requestId: state.requestId!, dueAt, link: { ...command.link } },
        },
      ];
    }
    case 'Acknowledge': {
      if (command.via === 'link') {
        requireUsableLink(state, command.link!, ctx.now);
      } else {
        requireManager(state, ctx);
        requireStatus(state, [...OWED_STATUSES, 'answered'], 'acknowledge');
      }
      // Said once: pressing "received" again, or after an answer, records nothing more.
      if (state.acknowledged) return [];
      const note = optionalText('note', command.note, MAX_NOTE);
      return [
        {
          type: 'CounterpartRequestAcknowledged',
          data: {
            requestId: state.requestId!,
            via: command.via,
            ...(command.via === 'link' && { linkId: command.link!.linkId }),
            ...(note !== undefined && { note }),
          },
        },
      ];
    }
    case 'Answer': {
      requireUsableLink(state, command.link, ctx.now);
      const text = optionalText('text', command.text, MAX_TEXT) ?? '';
      if (text === '' && command.files.length === 0) {
        throw new CounterpartInputError('text', 'must not be empty when no file is attached');
      }
      return [
        {
          type: 'CounterpartRequestAnswered',
          data: {
            requestId: state.requestId!,
            answerId: command.answerId,
            linkId: command.link.linkId,
            text,
            files: command.files.map((f) => ({ ...f })),
            complete: command.complete,
          },
        },
      ];
    }
    case 'Chase': {
      if (command.trigger === 'due_time') {
        // A timer re-checks the state: late, repeated or superseded timers find nothing to do.
        const due = state.dueAt;
        const owed = (OWED_STATUSES as readonly string[]).includes(state.status);
        if (
          !owed ||
          due === undefined ||
          command.forDueAt !== due ||
          Date.parse(due) > ctx.now.getTime() ||
          state.remindedFor.includes(due)
        ) {
          return [];
        }
        const working = Object.values(state.links).some(
          (l) => l.status === 'live' && Date.parse(l.expiresAt) > ctx.now.getTime(),
        );
        return [
          {
            type: 'CounterpartRequestChased',
            data: {
              requestId: state.requestId!,
              trigger: 'due_time',
              forDueAt: due,
              ...(!working && { link: { ...command.link } }),
            },
          },
        ];
      }
      requireManager(state, ctx);
      requireStatus(state, OWED_STATUSES, 'chase');
      const dueAt =
        command.dueAt === undefined
          ? undefined
          : requireFutureTime('dueAt', command.dueAt, ctx.now);
      const note = optionalText('note', command.note, MAX_NOTE);
      return [
        {
          type: 'CounterpartRequestChased',
          data: {
            requestId: state.requestId!,
            trigger: 'bureau',
            forDueAt: state.dueAt!,
            ...(dueAt !== undefined && { dueAt }),
            link: { ...command.link },
            ...(note !== undefined && { note }),
          },
        },
      ];
    }
    case 'Close': {
      requireManager(state, ctx);
      if (state.status === 'closed') {
        throw new CounterpartStateError('closed', 'Cannot close: the request is closed');
      }
      if (command.outcome === 'answered' && state.answers.length === 0) {
        throw new CounterpartInputError('outcome', 'answered needs at least one answer');
      }
      const reason = optionalText('reason', command.reason, MAX_NOTE);
      return [
        {
          type: 'CounterpartRequestClosed',
          data: {
            requestId: state.requestId!,
            outcome: command.outcome,
            ...(reason !== undefined && { reason }),
          },
        },
      ];
    }
    default: {
      const never: never = command;
      return never;
    }
  }
}

function draft(
  command: DraftCounterpartRequest,
  state: CounterpartRequestState,
  ctx: CounterpartDecisionContext,
): CounterpartEvent[] {
  if (!canManageRequest(ctx.actor, command)) {
    throw new CounterpartForbiddenError(
      'Only a bureau head of the host or the liaison agency drafts a request to a counterpart',
    );
  }
  if (state.status !== 'none') {
    throw new CounterpartStateError(state.status, `Request ${command.requestId} exists already`);
  }
  const message = optionalText('message', command.message, MAX_TEXT);
  const dueAt =
    command.dueAt === undefined ? undefined : requireFutureTime('dueAt', command.dueAt, ctx.now);
  return [
    {
      type: 'CounterpartRequestDrafted',
      data: {
        requestId: command.requestId,
        workshopId: command.workshopId,
        infoRequestId: command.infoRequestId,
        counterpart: command.counterpart,
        subject: command.subject,
        requestedBy: command.requestedBy,
        hostAgency: command.hostAgency,
        liaisonAgency: command.liaisonAgency,
        ...(message !== undefined && { message }),
        ...(dueAt !== undefined && { dueAt }),
      },
    },
  ];
}

/** To whoever may not see it the request does not exist; auditors see it but change nothing. */
function requireManager(state: CounterpartRequestState, ctx: CounterpartDecisionContext): void {
  if (state.status === 'none' || !canSeeRequest(ctx.actor, state)) {
    throw new CounterpartNotFoundError('Counterpart request', state.requestId ?? '');
  }
  if (!canManageRequest(ctx.actor, state)) {
    throw new CounterpartForbiddenError('Only a bureau head of the host or liaison agency may');
  }
}

function requireStatus(
  state: CounterpartRequestState,
  allowed: readonly string[],
  verb: string,
): void {
  if (!allowed.includes(state.status)) {
    throw new CounterpartStateError(state.status, `Cannot ${verb}: the request is ${state.status}`);
  }
}

function requireUsableLink(state: CounterpartRequestState, link: LinkIssued, now: Date): void {
  const standing = linkStanding(state, link, now);
  if (standing !== 'ok') throw new LinkRefusedError(standing);
}

function requireFutureTime(field: string, value: string | undefined, now: Date): string {
  if (value === undefined) throw new CounterpartInputError(field, 'is required');
  const at = Date.parse(value);
  if (typeof value !== 'string' || Number.isNaN(at)) {
    throw new CounterpartInputError(field, 'must be an ISO-8601 time');
  }
  if (at <= now.getTime()) throw new CounterpartInputError(field, 'must be in the future');
  return new Date(at).toISOString();
}

function optionalText(field: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.length > max)
    throw new CounterpartInputError(field, `must be at most ${max} characters`);
  return text === '' ? undefined : text;
}
