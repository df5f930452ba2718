/** Joint tasks (주관/협조): the commands on a lead task and on its contribution tasks. Rules in
 * contribution.decider.ts. */
import type { FollowUpState } from './follow-up.state';

/** A supporting agency named when the lead is assigned (`AssignFollowUp.supportingAgencies`). */
export interface SupportingAgencyRequest {
  agency: string;
  contributionId: string;
  dueAt?: string;
  instructions?: string;
}

// ── The host bureau head, on the lead task ────────────────────────────────────────────────────
/** Ask a supporting agency (협조기관) for a contribution; `contributionId` names its new task. */
export interface RequestContribution {
  kind: 'RequestContribution';
  followUpId: string;
  contributionId: string;
  agency: string;
  /** Default: the lead's due time; never later than it. */
  dueAt?: string;
  instructions?: string;
}
/** The lead need not wait for this agency's contribution any longer. */
export interface WaiveContribution {
  kind: 'WaiveContribution';
  followUpId: string;
  agency: string;
  reason: string;
}

// ── The contribution process (system) ─────────────────────────────────────────────────────────
/** Opens the contribution task asked for on `lead` (the lead as loaded by the process). */
export interface OpenContribution {
  kind: 'OpenContribution';
  followUpId: string;
  lead: FollowUpState;
}
/** Cancels an open contribution task: its lead was cancelled or the contribution waived. */
export interface CancelContribution {
  kind: 'CancelContribution';
  followUpId: string;
  reason: string;
}
/** Records on the lead what became of one of its contributions. */
export interface RecordContribution {
  kind: 'RecordContribution';
  followUpId: string;
  contributionId: string;
  outcome: 'submitted' | 'accepted' | 'returned' | 'cancelled';
  /** The version of the contribution's event this records. */
  contributionVersion: number;
  /** The answer (submitted) or the reason (returned, cancelled). */
  response?: string;
  reason?: string;
}

export type ContributionHostCommand = RequestContribution | WaiveContribution;
export type ContributionSystemCommand = OpenContribution | CancelContribution | RecordContribution;
export type ContributionCommand = ContributionHostCommand | ContributionSystemCommand;
