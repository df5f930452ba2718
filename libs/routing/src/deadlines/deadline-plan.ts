import { FollowUpState, isOpen } from '@liaison/follow-up';
import { jobIds, TIMER_QUEUE } from '../queues/queues';
import { QueuedJob, queuedJob } from '../queues/queued-job';

export interface DeadlineSettings {
  reminderLeadMs: number;
  escalationGraceMs: number;
}

/**
 * The timers of a task's current due time: a reminder `reminderLeadMs` before it, overdue at
 * it, escalation `escalationGraceMs` after it. Ids carry the due time (and, for the reminder,
 * the assignee), so planning again adds nothing twice, while an extension or a reassignment
 * gets timers of its own. A timer already past runs at once; the decider says whether it
 * still applies.
 */
export function planDeadlines(
  state: FollowUpState,
  settings: DeadlineSettings,
  correlationId: string,
): QueuedJob[] {
  if (!state.exists || !isOpen(state.status)) return [];
  const { followUpId, dueAt, assigneeAgency } = state;
  const due = Date.parse(dueAt);
  const payload = { followUpId, dueAt, correlationId };
  const jobs: QueuedJob[] = [];
  if (!state.overdue && state.reminderSentFor !== dueAt) {
    const id = jobIds.reminder(followUpId, assigneeAgency, dueAt);
    const at = new Date(due - settings.reminderLeadMs);
    jobs.push(queuedJob(TIMER_QUEUE, 'send-reminder', id, payload, at));
  }
  if (!state.overdue) {
    const id = jobIds.overdue(followUpId, dueAt);
    jobs.push(queuedJob(TIMER_QUEUE, 'mark-overdue', id, payload, new Date(due)));
  }
  if (!state.escalated) {
    const id = jobIds.escalate(followUpId, dueAt);
    const at = new Date(due + settings.escalationGraceMs);
    jobs.push(queuedJob(TIMER_QUEUE, 'escalate-overdue', id, payload, at));
  }
  return jobs;
}
