import { CounterpartEvent, SharedFile } from './counterpart-request.events';

export type CounterpartRequestStatus =
  'drafted' | 'sent' | 'acknowledged' | 'partially_answered' | 'answered' | 'closed';

/** What the counterpart still owes: sent and not yet answered in full (nor closed). */
export const OWED_STATUSES: readonly CounterpartRequestStatus[] = [
  'sent',
  'acknowledged',
  'partially_answered',
];

export interface LinkState {
  expiresAt: string;
  status: 'live' | 'used' | 'replaced';
}

export interface AnswerState {
  answerId: string;
  linkId: string;
  text: string;
  files: SharedFile[];
  complete: boolean;
}

export interface CounterpartRequestState {
  status: CounterpartRequestStatus | 'none';
  requestId?: string;
  workshopId?: string;
  infoRequestId?: string;
  counterpart?: string;
  subject?: string;
  requestedBy?: string;
  hostAgency?: string;
  liaisonAgency?: string;
  message?: string;
  dueAt?: string;
  links: Readonly<Record<string, LinkState>>;
  /** Due times a reminder was sent for: one reminder per due time. */
  remindedFor: readonly string[];
  answers: readonly AnswerState[];
  acknowledged: boolean;
  chases: number;
  closedOutcome?: string;
}

export const INITIAL_STATE: CounterpartRequestState = {
  status: 'none',
  links: {},
  remindedFor: [],
  answers: [],
  acknowledged: false,
  chases: 0,
};

/** Every live link stops working when a newer one is issued. */
function withNewLink(
  links: Readonly<Record<string, LinkState>>,
  linkId: string,
  expiresAt: string,
): Record<string, LinkState> {
  const next: Record<string, LinkState> = {};
  for (const [id, link] of Object.entries(links)) {
    next[id] = link.status === 'live' ? { ...link, status: 'replaced' } : link;
  }
  next[linkId] = { expiresAt, status: 'live' };
  return next;
}

export function evolve(
  state: CounterpartRequestState,
  event: CounterpartEvent,
): CounterpartRequestState {
  switch (event.type) {
    case 'CounterpartRequestDrafted': {
      const d = event.data;
      return {
        ...INITIAL_STATE,
        status: 'drafted',
        requestId: d.requestId,
        workshopId: d.workshopId,
        infoRequestId: d.infoRequestId,
        counterpart: d.counterpart,
        subject: d.subject,
        requestedBy: d.requestedBy,
        hostAgency: d.hostAgency,
        liaisonAgency: d.liaisonAgency,
        ...(d.message !== undefined && { message: d.message }),
        ...(d.dueAt !== undefined && { dueAt: d.dueAt }),
      };
    }
    case 'CounterpartRequestSent':
      return {
        ...state,
        status: 'sent',
        dueAt: event.data.dueAt,
        links: withNewLink(state.links, event.data.link.linkId, event.data.link.expiresAt),
      };
    case 'CounterpartRequestAcknowledged':
      return {
        ...state,
        acknowledged: true,
        status: state.status === 'sent' ? 'acknowledged' : state.status,
      };
    case 'CounterpartRequestAnswered': {
      const d = event.data;
      const link = state.links[d.linkId];
      return {
        ...state,
        acknowledged: true,
        status: d.complete ? 'answered' : 'partially_answered',
        links: link ? { ...state.links, [d.linkId]: { ...link, status: 'used' } } : state.links,
        answers: [
          ...state.answers,
          {
            answerId: d.answerId,
            linkId: d.linkId,
            text: d.text,
            files: d.files,
            complete: d.complete,
          },
        ],
      };
    }
    case 'CounterpartRequestChased': {
      const d = event.data;
      return {
        ...state,
        chases: state.chases + 1,
        dueAt: d.dueAt ?? state.dueAt,
        remindedFor:
          d.trigger === 'due_time' ? [...state.remindedFor, d.forDueAt] : state.remindedFor,
        links: d.link ? withNewLink(state.links, d.link.linkId, d.link.expiresAt) : state.links,
      };
    }
    case 'CounterpartRequestClosed': {
      const links: Record<string, LinkState> = {};
      for (const [id, link] of Object.entries(state.links)) {
        links[id] = link.status === 'live' ? { ...link, status: 'replaced' } : link;
      }
      return { ...state, status: 'closed', closedOutcome: event.data.outcome, links };
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function fold(events: readonly CounterpartEvent[]): CounterpartRequestState {
  return events.reduce(evolve, INITIAL_STATE);
}
