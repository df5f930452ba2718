import { FollowUpState } from '@liaison/follow-up';
import { TaskSnapshot } from '../queues/job-payloads';

/** The task as its agency receives it: what to do, for whom, by when. */
export function taskSnapshot(state: FollowUpState): TaskSnapshot {
  return {
    followUpId: state.followUpId,
    workshopId: state.workshopId,
    hostAgency: state.hostAgency,
    assigneeAgency: state.assigneeAgency,
    sourceKind: state.sourceKind,
    sourceId: state.sourceId,
    title: state.title,
    ...(state.instructions !== undefined && { instructions: state.instructions }),
    dueAt: state.dueAt,
    priority: state.priority,
    ...(state.officerId !== undefined && { officerId: state.officerId }),
  };
}
