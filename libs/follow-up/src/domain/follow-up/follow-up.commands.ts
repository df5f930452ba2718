import { Classification } from '../classification';
import { FollowUpDelivered, FollowUpPriority, SealedText } from '../events';
import { WorkshopState } from '../workshop/workshop.state';
import { ContributionCommand, SupportingAgencyRequest } from './contribution.commands';

interface FollowUpCommandBase {
  followUpId: string;
}

// ── The host bureau head ─────────────────────────────────────────────────────────────────────
/** The handler loads the workshop and passes its state in, so the rules stay pure. */
export interface AssignFollowUp extends FollowUpCommandBase {
  kind: 'AssignFollowUp';
  workshop: WorkshopState;
  sourceId: string;
  assigneeAgency: string;
  title: string;
  instructions?: string;
  dueAt: string;
  priority?: FollowUpPriority;
  /** An officer of the assignee agency to name as the task's officer (담당자). */
  officerId?: string;
  /** Joint task (주관/협조): contributions asked of these agencies with the assignment. */
  supportingAgencies?: readonly SupportingAgencyRequest[];
  /** Absent: the workshop's; given: the workshop's or a stricter one. */
  classification?: Classification;
}
/** The host bureau head raises or lowers the task's classification. */
export interface ChangeFollowUpClassification extends FollowUpCommandBase {
  kind: 'ChangeFollowUpClassification';
  classification: Classification;
  /** The task's workshop as the handler loaded it: its classification is the floor (a task is
   * never less strict than its workshop). */
  workshop?: { classification?: Classification };
}
export interface AcceptFollowUp extends FollowUpCommandBase {
  kind: 'AcceptFollowUp';
}
export interface RejectFollowUp extends FollowUpCommandBase {
  kind: 'RejectFollowUp';
  reason: string;
}
export interface ReassignFollowUp extends FollowUpCommandBase {
  kind: 'ReassignFollowUp';
  assigneeAgency: string;
  reason: string;
  /** The new officer; absent leaves the task unclaimed. With the same agency, it names a new
   * officer there (the former one is gone or cannot do it). */
  officerId?: string;
}
export interface ExtendDueDate extends FollowUpCommandBase {
  kind: 'ExtendDueDate';
  dueAt: string;
  reason: string;
}
export interface CancelFollowUp extends FollowUpCommandBase {
  kind: 'CancelFollowUp';
  reason: string;
}

// ── The assignee agency's officer ─────────────────────────────────────────────────────────────
export interface AcknowledgeFollowUp extends FollowUpCommandBase {
  kind: 'AcknowledgeFollowUp';
}
export interface StartFollowUp extends FollowUpCommandBase {
  kind: 'StartFollowUp';
}
export interface ReportProgress extends FollowUpCommandBase {
  kind: 'ReportProgress';
  note: string;
  /** Marked personal, as a comment can be: the handler seals it (sealedNote) before the rules. */
  personal?: boolean;
  sealedNote?: SealedText;
}
export interface SubmitFollowUp extends FollowUpCommandBase {
  kind: 'SubmitFollowUp';
  response: string;
}
export interface DeclineFollowUp extends FollowUpCommandBase {
  kind: 'DeclineFollowUp';
  reason: string;
}
/** An officer takes an unclaimed task as its officer (담당자). */
export interface ClaimFollowUp extends FollowUpCommandBase {
  kind: 'ClaimFollowUp';
}
/** The task's officer (or, while it is unclaimed, any officer of the agency) passes it to a
 * colleague of the same agency. */
export interface HandOverFollowUp extends FollowUpCommandBase {
  kind: 'HandOverFollowUp';
  officerId: string;
  reason?: string;
}

// ── Either side: the bureau and the assignee agency working the task together ───────────────
/** Rules in follow-up.collaboration.ts. */
export interface CommentOnFollowUp extends FollowUpCommandBase {
  kind: 'CommentOnFollowUp';
  commentId: string;
  body: string;
  /** Person ids the body names; the handler looks them up for the rules. */
  mentions: string[];
  /** The writer marks the text personal: the handler seals it (sealedBody) before the rules,
   * which check the clear text and record the sealed one. */
  personal?: boolean;
  sealedBody?: SealedText;
}
/** The bytes are stored (content-addressed) before this command; it records the fact. */
export interface AttachFile extends FollowUpCommandBase {
  kind: 'AttachFile';
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
}

// ── The system (router, delivery, timers) ─────────────────────────────────────────────────────
export interface RecordRouting extends FollowUpCommandBase {
  kind: 'RecordRouting';
  agency: string;
  queue: string;
}
export interface RecordDelivery extends FollowUpCommandBase {
  kind: 'RecordDelivery';
  agency: string;
  channel: FollowUpDelivered['channel'];
  attempts: number;
}
export interface RecordRoutingFailure extends FollowUpCommandBase {
  kind: 'RecordRoutingFailure';
  agency: string;
  reason: string;
}
/** Timer commands carry the dueAt they were scheduled for, so a stale timer is recognised. */
export interface SendReminder extends FollowUpCommandBase {
  kind: 'SendReminder';
  dueAt: string;
}
export interface MarkOverdue extends FollowUpCommandBase {
  kind: 'MarkOverdue';
  dueAt: string;
}
export interface Escalate extends FollowUpCommandBase {
  kind: 'Escalate';
  dueAt: string;
  reason: string;
}

export type HostCommand =
  | AssignFollowUp
  | AcceptFollowUp
  | RejectFollowUp
  | ReassignFollowUp
  | ExtendDueDate
  | CancelFollowUp;
export type AssigneeCommand =
  | AcknowledgeFollowUp
  | StartFollowUp
  | ReportProgress
  | SubmitFollowUp
  | DeclineFollowUp
  | ClaimFollowUp
  | HandOverFollowUp;
export type SystemCommand =
  RecordRouting | RecordDelivery | RecordRoutingFailure | SendReminder | MarkOverdue | Escalate;
export type CollaborationCommand = CommentOnFollowUp | AttachFile;
export type FollowUpCommand =
  | HostCommand
  | AssigneeCommand
  | SystemCommand
  | CollaborationCommand
  | ContributionCommand
  | ChangeFollowUpClassification;
