/**
 * Who hears that an outside counterpart has not answered: the counterpart has no address in
 * Liaison, and its link's token is never stored, so the reminder at a due time reaches the
 * people who can act on it — the bureau heads of the agencies that may manage the request (the
 * host and the liaison agency, whoever of them drafted and sent it). They open the request,
 * pass on its current link or chase it for a new one. Pure: the directory and preferences are
 * the planner's.
 */
import {
  canSeeRequest,
  COUNTERPART_STREAM_PREFIX,
  CounterpartEvent,
  CounterpartRequestState,
  evolve,
  INITIAL_STATE,
} from '@liaison/counterparts';
import type { EventFacts, Notice } from './audience';
import type { PersonForPolicy } from './visibility';

/** Only the reminder at a due time: a bureau head's own chase is their own act. */
export function counterpartNoticesFor(
  event: EventFacts,
  request: CounterpartRequestState,
): Notice[] {
  if (event.type !== 'CounterpartRequestChased' || event.data.trigger !== 'due_time') return [];
  if (request.status === 'none' || request.status === 'closed') return [];
  const agencies = [...new Set([request.hostAgency, request.liaisonAgency])].filter(
    (a): a is string => typeof a === 'string',
  );
  return agencies.map((agency) => ({
    kind: 'counterpart_overdue' as const,
    audience: { to: 'bureau-heads' as const, agency },
  }));
}

export function isCounterpartStream(streamId: string): boolean {
  return streamId.startsWith(COUNTERPART_STREAM_PREFIX);
}

/** The counterparts' read policy (canSeeRequest) for a person: any of their roles will do. */
export function personMaySeeRequest(
  person: PersonForPolicy,
  request: CounterpartRequestState,
): boolean {
  if (!person.active || request.status === 'none') return false;
  return person.roles.some((role) =>
    canSeeRequest({ id: person.id, role, agency: person.agency }, request),
  );
}

/** The request as its events leave it; a type this version does not know is stepped over. */
export function foldRequest(
  events: readonly { type: string; data: unknown }[],
): CounterpartRequestState {
  let state = INITIAL_STATE;
  for (const event of events) {
    try {
      state = evolve(state, event as CounterpartEvent) ?? state;
    } catch {
      // a newer fact of another version: not a change of who may see the request
    }
  }
  return state;
}
