/**
 * Every job's payload, declared once as a schema; the TypeScript types are inferred from it.
 * Ids and times follow the event contract (libs/follow-up/src/domain/events.ts).
 */
import { FOLLOW_UP_PRIORITIES, FollowUpAssigned, SOURCE_KINDS } from '@liaison/follow-up';
import { agencyCode, Infer, isoTime, object, oneOf, optional, text, uuid } from './payload-schema';

const correlationId = text(200);

/** The task as an agency receives it: a snapshot taken when it was routed, of fields the
 * follow-up's assignment declares (events.ts); the check below keeps the two in step. */
export const taskSchema = object({
  followUpId: uuid,
  workshopId: uuid,
  hostAgency: agencyCode,
  assigneeAgency: agencyCode,
  sourceKind: oneOf(...SOURCE_KINDS),
  sourceId: uuid,
  title: text(),
  instructions: optional(text()),
  dueAt: isoTime,
  priority: oneOf(...FOLLOW_UP_PRIORITIES),
  /** The named officer (담당자, a person id) when the task was routed with one, so a delivery
   * or a webhook can name who works it. */
  officerId: optional(text(200)),
});

const deadline = object({ followUpId: uuid, dueAt: isoTime, correlationId });

export const JOB_SCHEMAS = {
  /** A routed task to hand to its agency (on `agency-<code>`). */
  'deliver-task': object({ eventId: uuid, agency: agencyCode, correlationId, task: taskSchema }),
  /** Plan a follow-up's deadline timers anew after its due time was extended. */
  'schedule-deadlines': object({ eventId: uuid, followUpId: uuid, correlationId }),
  'send-reminder': deadline,
  'mark-overdue': deadline,
  'escalate-overdue': deadline,
  /** Hand jobs that are due but unfinished (lost with Redis) to BullMQ again. */
  'sweep-unfinished-jobs': object({}),
};

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobPayloads = { [N in JobName]: Infer<(typeof JOB_SCHEMAS)[N]> };
export type TaskSnapshot = Infer<typeof taskSchema>;
/** Fails to compile if a snapshot field's type strays from the same field of FollowUpAssigned
 * (a runtime schema cannot be inferred from a type, so this is a check, not a derivation). */
type Assigned = Pick<FollowUpAssigned, keyof TaskSnapshot>;
const _snapshotIsPartOfTheAssignment: [TaskSnapshot, Assigned] extends [Assigned, TaskSnapshot]
  ? true
  : never = true;
export type DeadlinePayload = Infer<typeof deadline>;

export const JOB_NAMES = Object.keys(JOB_SCHEMAS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_SCHEMAS, name);
}

/** Checks a job's data against its declared payload; throws naming the wrong field. */
export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayloads[N] {
  return JOB_SCHEMAS[name].parse(data, 'payload') as JobPayloads[N];
}
