import { FollowUpState } from '@liaison/follow-up';
import { TaskSnapshot, taskSchema } from '../queues/job-payloads';

/** The snapshot's fields, in the schema's order: the schema is their one list. */
const TASK_FIELDS = Object.keys(taskSchema.shape) as (keyof TaskSnapshot)[];

/** The task as its agency receives it: what to do, for whom, by when. Optional fields the task
 * lacks stay out (no `officerId` key on an unclaimed task, as before officers existed). */
export function taskSnapshot(state: FollowUpState): TaskSnapshot {
  const snapshot: Partial<Record<keyof TaskSnapshot, unknown>> = {};
  for (const field of TASK_FIELDS) {
    if (state[field] !== undefined) snapshot[field] = state[field];
  }
  return snapshot as TaskSnapshot;
}
