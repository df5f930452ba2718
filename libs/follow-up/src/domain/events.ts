/**
 * Every domain event, by its stable name, with the shape of its data. This file is the contract
 * between the deciders, the projections, the router and the audit views: change a shape only
 * with a new schema version and an upcaster.
 *
 * Conventions: ids are uuids; agency codes are upper-case (MSIT, KISA, …); times are ISO-8601
 * strings in UTC (`dueAt`, `at`); dates without a time are `YYYY-MM-DD` (`heldOn`, `dueDate`).
 */

import type { Classification } from './classification';

// ── Workshop stream: `workshop-<uuid>` ────────────────────────────────────────────────────────
export interface WorkshopHeld {
  workshopId: string;
  title: string;
  heldOn: string;
  hostAgency: string;
  counterparts: string[];
  attendingAgencies: string[];
  topics: string[];
  summary?: string;
  /** Absent: public (events before classification existed stay valid; schema version 1). */
  classification?: Classification;
}

/** The host bureau head raised or lowered the workshop's classification. Follow-ups assigned
 * afterwards inherit it; those already assigned keep their own (changed one by one). */
export interface WorkshopClassificationChanged {
  workshopId: string;
  classification: Classification;
  previous: Classification;
}

export interface ActionAgreed {
  workshopId: string;
  actionId: string;
  description: string;
  ownerAgency: string;
  supportingAgencies: string[];
  dueDate?: string;
}

export interface InfoRequested {
  workshopId: string;
  requestId: string;
  subject: string;
  requestedBy: string;
  /** An agency code or a counterpart code (e.g. OPENAI). */
  requestedFrom: string;
  dueDate?: string;
}

export interface WorkshopEventMap {
  WorkshopHeld: WorkshopHeld;
  ActionAgreed: ActionAgreed;
  InfoRequested: InfoRequested;
  WorkshopClassificationChanged: WorkshopClassificationChanged;
}

// ── Follow-up stream: `follow-up-<uuid>` ──────────────────────────────────────────────────────
/** The lists themselves, not just their types: the decider, the board's fold, the job payload
 * schema and the API's enums all take them from here. */
export const FOLLOW_UP_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type FollowUpPriority = (typeof FOLLOW_UP_PRIORITIES)[number];
export const SOURCE_KINDS = ['action', 'info_request'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface FollowUpAssigned {
  followUpId: string;
  workshopId: string;
  /** The workshop's host agency: its bureau heads manage this follow-up. */
  hostAgency: string;
  sourceId: string;
  sourceKind: SourceKind;
  assigneeAgency: string;
  title: string;
  instructions?: string;
  dueAt: string;
  priority: FollowUpPriority;
  /** The named officer (담당자) of the assignee agency, when the bureau head names one (a
   * person's id). Added in wave 2 as an optional field: every earlier event is a valid instance
   * of this shape (no officer), so the schema version stays 1 and no upcaster is needed. */
  officerId?: string;
  /** Set on a contribution task (협조 요청): the work a supporting agency (협조기관) does for
   * the lead task `leadFollowUpId`. Absent on every other task, so earlier events stay valid
   * instances of this shape (schema version 1, no upcaster). */
  kind?: 'contribution';
  leadFollowUpId?: string;
  /** The lead's agency when the contribution was asked: its officers read the contribution. */
  leadAgency?: string;
  /** The task's classification (its workshop's, or a stricter one). Absent: public, as on every
   * event before classification existed (schema version 1 still). */
  classification?: Classification;
}

/** The host bureau head raised or lowered the task's classification. */
export interface FollowUpClassificationChanged {
  followUpId: string;
  classification: Classification;
  previous: Classification;
}

export interface FollowUpRouted {
  followUpId: string;
  agency: string;
  queue: string;
}

export interface FollowUpDelivered {
  followUpId: string;
  agency: string;
  channel: 'webhook' | 'inbox';
  attempts: number;
}

export interface FollowUpRoutingFailed {
  followUpId: string;
  agency: string;
  reason: string;
}

export interface FollowUpAcknowledged {
  followUpId: string;
  agency: string;
}

export interface FollowUpStarted {
  followUpId: string;
  agency: string;
}

export interface FollowUpProgressReported {
  followUpId: string;
  agency: string;
  /** Sealed when the writer marked the note personal (`personal: true`), as a comment. */
  note: string | SealedText;
  personal?: true;
}

export interface FollowUpSubmitted {
  followUpId: string;
  agency: string;
  response: string;
}

export interface FollowUpAccepted {
  followUpId: string;
}

export interface FollowUpRejected {
  followUpId: string;
  reason: string;
}

export interface FollowUpDeclined {
  followUpId: string;
  agency: string;
  reason: string;
}

export interface FollowUpReassigned {
  followUpId: string;
  fromAgency: string;
  assigneeAgency: string;
  reason: string;
  /** The new agency's named officer, if the bureau head named one; absent: the task is
   * unclaimed (a reassignment always clears the former officer). Optional, as on
   * FollowUpAssigned: schema version 1 still. */
  officerId?: string;
}

/** An officer of the assignee agency took an unclaimed task as its officer (담당자). Under a
 * delegation (대결) the officer is the person acted for; the actor is in the metadata. */
export interface FollowUpClaimed {
  followUpId: string;
  agency: string;
  officerId: string;
}

/** The task passed to a colleague of the same agency. */
export interface FollowUpHandedOver {
  followUpId: string;
  agency: string;
  /** Absent when the task was unclaimed (handed out rather than handed over). */
  fromOfficerId?: string;
  officerId: string;
  reason?: string;
}

export interface FollowUpDueDateExtended {
  followUpId: string;
  previousDueAt: string;
  dueAt: string;
  reason: string;
}

export interface FollowUpReminderSent {
  followUpId: string;
  agency: string;
  dueAt: string;
}

export interface FollowUpOverdue {
  followUpId: string;
  agency: string;
  dueAt: string;
}

export interface FollowUpEscalated {
  followUpId: string;
  /** The assigning bureau's agency (the workshop host). */
  toAgency: string;
  reason: string;
}

export interface FollowUpCancelled {
  followUpId: string;
  reason: string;
}

/** Which side of the task a comment comes from: the host's bureau or the assignee agency. */
export type CommentSide = 'assignee' | 'bureau';

/** A comment on the task. `mentions` are the person ids of the people it names (`@login` in
 * the body, resolved through the directory when written), each of whom could see the task. */
/** Free text marked personal, as the log stores it: AES-256-GCM under the author's data key
 * (`keyRef`, a person id), in @liaison/personal-data's sealed-field format. Erasing the author
 * destroys the key, and the text reads as erased everywhere. */
export interface SealedText {
  enc: 'v1';
  keyRef: string;
  iv: string;
  ct: string;
  tag: string;
}

export interface FollowUpCommented {
  followUpId: string;
  commentId: string;
  /** Sealed when the writer marked the comment personal (`personal: true`). */
  body: string | SealedText;
  personal?: true;
  mentions: string[];
  side: CommentSide;
}

/** A file attached to the task. The bytes are in `@liaison/files`, addressed by `sha256` (hex),
 * so the hash chain and the seals cover the content through this event. */
export interface FollowUpFileAttached {
  followUpId: string;
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
}

// ── Joint tasks (주관/협조): the lead task's record of its contributions ───────────────────────
/** The host bureau head asked a supporting agency (협조기관) for a contribution to this (lead)
 * task. The contribution is its own task, stream `follow-up-<contributionId>`, opened from this
 * fact by the contribution process. */
export interface FollowUpContributionRequested {
  followUpId: string;
  contributionId: string;
  agency: string;
  dueAt: string;
  instructions?: string;
}

/** The contribution came in (its task was submitted) or was accepted by the host bureau head;
 * recorded on the lead by the contribution process. `contributionVersion` is the version of the
 * contribution's event, so a replayed or late fact is recognised and recorded once. */
export interface FollowUpContributionReceived {
  followUpId: string;
  contributionId: string;
  agency: string;
  status: 'submitted' | 'accepted';
  response: string;
  contributionVersion: number;
}

/** The host bureau head returned (반려) the contribution: it is no longer in. */
export interface FollowUpContributionReopened {
  followUpId: string;
  contributionId: string;
  agency: string;
  reason: string;
  contributionVersion: number;
}

/** The lead no longer waits for this contribution: waived by the host bureau head, or its task
 * was cancelled. */
export interface FollowUpContributionWaived {
  followUpId: string;
  contributionId: string;
  agency: string;
  reason: string;
}

export interface FollowUpEventMap {
  FollowUpAssigned: FollowUpAssigned;
  FollowUpRouted: FollowUpRouted;
  FollowUpDelivered: FollowUpDelivered;
  FollowUpRoutingFailed: FollowUpRoutingFailed;
  FollowUpAcknowledged: FollowUpAcknowledged;
  FollowUpStarted: FollowUpStarted;
  FollowUpProgressReported: FollowUpProgressReported;
  FollowUpSubmitted: FollowUpSubmitted;
  FollowUpAccepted: FollowUpAccepted;
  FollowUpRejected: FollowUpRejected;
  FollowUpDeclined: FollowUpDeclined;
  FollowUpReassigned: FollowUpReassigned;
  FollowUpClaimed: FollowUpClaimed;
  FollowUpHandedOver: FollowUpHandedOver;
  FollowUpDueDateExtended: FollowUpDueDateExtended;
  FollowUpReminderSent: FollowUpReminderSent;
  FollowUpOverdue: FollowUpOverdue;
  FollowUpEscalated: FollowUpEscalated;
  FollowUpCancelled: FollowUpCancelled;
  FollowUpContributionRequested: FollowUpContributionRequested;
  FollowUpContributionReceived: FollowUpContributionReceived;
  FollowUpContributionReopened: FollowUpContributionReopened;
  FollowUpContributionWaived: FollowUpContributionWaived;
  FollowUpCommented: FollowUpCommented;
  FollowUpFileAttached: FollowUpFileAttached;
  FollowUpClassificationChanged: FollowUpClassificationChanged;
}

/** A domain event before it is stored: a stable type name and its data. */
export type EventOf<M> = { [K in keyof M]: { type: K; data: M[K] } }[keyof M];
export type WorkshopEvent = EventOf<WorkshopEventMap>;
export type FollowUpEvent = EventOf<FollowUpEventMap>;
export type DomainEvent = WorkshopEvent | FollowUpEvent;

export const workshopStreamId = (workshopId: string) => `workshop-${workshopId}`;
export const followUpStreamId = (followUpId: string) => `follow-up-${followUpId}`;

/** Follow-up states (DESIGN.md): `overdue` is a flag beside the state, not a state. */
export type FollowUpStatus =
  | 'assigned'
  | 'routed'
  | 'acknowledged'
  | 'in_progress'
  | 'submitted'
  | 'accepted'
  | 'rejected'
  | 'declined'
  | 'reassigned'
  | 'cancelled';

export const CLOSED_STATUSES: readonly FollowUpStatus[] = ['accepted', 'cancelled'];
