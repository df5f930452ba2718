import { StoredEvent } from '@liaison/event-store';
import { jobIds, TIMER_QUEUE } from '../queues/queues';
import { QueuedJob, queuedJob } from '../queues/queued-job';

/** Facts that give a task a (new) assignee: the relay routes them itself (BatchRouter). */
const ASSIGNMENTS = new Set(['FollowUpAssigned', 'FollowUpReassigned']);
/** A fact that moves the deadline: its timers are planned anew. */
const EXTENSION = 'FollowUpDueDateExtended';

export const RELAYED_EVENT_TYPES: readonly string[] = [...ASSIGNMENTS, EXTENSION];

export const isAssignment = (type: string): boolean => ASSIGNMENTS.has(type);

/**
 * The job an event other than an assignment becomes, if any. Ids come from the event id, so
 * relaying an event twice (a crash between the add and the checkpoint) adds nothing twice.
 * Payloads are not checked here: the consumers validate what they receive.
 */
export function jobsForEvent(event: StoredEvent): QueuedJob[] {
  const { eventId } = event;
  const followUpId = String(event.data.followUpId);
  const correlationId = event.metadata.correlation_id;
  if (event.type === EXTENSION) {
    const payload = { eventId, followUpId, correlationId };
    return [queuedJob(TIMER_QUEUE, 'schedule-deadlines', jobIds.schedule(eventId), payload)];
  }
  return [];
}
