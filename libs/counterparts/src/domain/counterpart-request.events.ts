/**
 * The events of a request to an outside counterpart (OPENAI, ANTHROPIC), stream
 * `counterpart-request-<uuid>`. Stable names, past tense; a changed shape gets a new schema
 * version and an upcaster, stored events are never rewritten. Times are ISO-8601 in UTC.
 *
 * A link is named by its id and expiry only: the token the counterpart holds is an HMAC the
 * server recomputes with COUNTERPART_LINK_SECRET, so the log never holds a usable secret.
 */
export const COUNTERPART_EVENT_SCHEMA_VERSION = 1;

export interface LinkIssued {
  linkId: string;
  expiresAt: string;
}

export interface CounterpartRequestDrafted {
  requestId: string;
  workshopId: string;
  /** The workshop's InfoRequested this request carries out. */
  infoRequestId: string;
  counterpart: string;
  subject: string;
  /** The agency that asked (InfoRequested.requestedBy). */
  requestedBy: string;
  hostAgency: string;
  /** The agency that owns the relationship with the counterpart (the host by default). */
  liaisonAgency: string;
  message?: string;
  dueAt?: string;
}

export interface CounterpartRequestSent {
  requestId: string;
  dueAt: string;
  link: LinkIssued;
}

export interface CounterpartRequestAcknowledged {
  requestId: string;
  /** `link`: the counterpart pressed "received" on its page; `bureau`: recorded by the bureau. */
  via: 'link' | 'bureau';
  linkId?: string;
  note?: string;
}

export interface SharedFile {
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
}

export interface CounterpartRequestAnswered {
  requestId: string;
  answerId: string;
  /** The link this answer used up. */
  linkId: string;
  text: string;
  files: SharedFile[];
  /** True: the counterpart says this completes its answer; false: an answer in part. */
  complete: boolean;
}

export interface CounterpartRequestChased {
  requestId: string;
  /** `due_time`: the reminder at a due time (one per due time); `bureau`: a bureau head chased. */
  trigger: 'due_time' | 'bureau';
  /** The due time this chase is about (the one that passed, for a reminder). */
  forDueAt: string;
  /** A new due time, when the chase sets one. */
  dueAt?: string;
  /**
   * A fresh link (earlier unused ones stop working): always for a bureau chase; for a reminder
   * only when the request has no working link left, so the link already passed on keeps working.
   */
  link?: LinkIssued;
  note?: string;
}

export type CloseOutcome = 'answered' | 'withdrawn' | 'unanswered';

export interface CounterpartRequestClosed {
  requestId: string;
  outcome: CloseOutcome;
  reason?: string;
}

export interface CounterpartEventMap {
  CounterpartRequestDrafted: CounterpartRequestDrafted;
  CounterpartRequestSent: CounterpartRequestSent;
  CounterpartRequestAcknowledged: CounterpartRequestAcknowledged;
  CounterpartRequestAnswered: CounterpartRequestAnswered;
  CounterpartRequestChased: CounterpartRequestChased;
  CounterpartRequestClosed: CounterpartRequestClosed;
}

export type CounterpartEventType = keyof CounterpartEventMap;

export type CounterpartEvent = {
  [K in CounterpartEventType]: { type: K; data: CounterpartEventMap[K] };
}[CounterpartEventType];

export const COUNTERPART_EVENT_TYPES: readonly CounterpartEventType[] = [
  'CounterpartRequestDrafted',
  'CounterpartRequestSent',
  'CounterpartRequestAcknowledged',
  'CounterpartRequestAnswered',
  'CounterpartRequestChased',
  'CounterpartRequestClosed',
];

export const COUNTERPART_STREAM_PREFIX = 'counterpart-request-';

export function counterpartRequestStreamId(requestId: string): string {
  return `${COUNTERPART_STREAM_PREFIX}${requestId}`;
}
