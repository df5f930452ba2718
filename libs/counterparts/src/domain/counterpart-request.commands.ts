import { CloseOutcome, LinkIssued, SharedFile } from './counterpart-request.events';

/** Who sends a command: a person of the bureau, the counterpart through its link, or a timer. */
export interface CounterpartActor {
  id: string;
  role: string;
  agency?: string;
}

export interface CounterpartDecisionContext {
  actor: CounterpartActor;
  now: Date;
}

export interface DraftCounterpartRequest {
  kind: 'Draft';
  requestId: string;
  workshopId: string;
  infoRequestId: string;
  counterpart: string;
  subject: string;
  requestedBy: string;
  hostAgency: string;
  liaisonAgency: string;
  message?: string;
  dueAt?: string;
}

export interface SendCounterpartRequest {
  kind: 'Send';
  /** Required here unless the draft named one. */
  dueAt?: string;
  link: LinkIssued;
}

export interface AcknowledgeCounterpartRequest {
  kind: 'Acknowledge';
  via: 'link' | 'bureau';
  /** With `via: 'link'`: the link and the expiry its token carried. */
  link?: LinkIssued;
  note?: string;
}

export interface AnswerCounterpartRequest {
  kind: 'Answer';
  answerId: string;
  /** The link and the expiry its (verified) token carried. */
  link: LinkIssued;
  text: string;
  files: SharedFile[];
  complete: boolean;
}

export interface ChaseCounterpartRequest {
  kind: 'Chase';
  trigger: 'due_time' | 'bureau';
  /** For a reminder: the due time it fires for (a timer of an older due time finds nothing). */
  forDueAt?: string;
  /** A bureau chase may set a new due time. */
  dueAt?: string;
  link: LinkIssued;
  note?: string;
}

export interface CloseCounterpartRequest {
  kind: 'Close';
  outcome: CloseOutcome;
  reason?: string;
}

export type CounterpartCommand =
  | DraftCounterpartRequest
  | SendCounterpartRequest
  | AcknowledgeCounterpartRequest
  | AnswerCounterpartRequest
  | ChaseCounterpartRequest
  | CloseCounterpartRequest;
