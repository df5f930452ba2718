/**
 * Deadline timers: none fired twice (a reminder per assignee and due time, an overdue and an
 * escalation per due time), and on a task still open every timer whose time passed, by more
 * than the slack a lost job needs to come back, did fire.
 */
import { InvariantResult, Tally } from './invariant';
import { TaskFold } from './task-fold';

export interface TimerSettings {
  reminderLeadMs: number;
  escalationGraceMs: number;
  slackMs: number;
}

export function timerChecks(
  tasks: readonly TaskFold[],
  s: TimerSettings,
  now = Date.now(),
): InvariantResult[] {
  const once = new Tally('every timer fired at most once');
  const fired = new Tally('every due timer fired');
  for (const t of tasks) {
    for (const [kind, fires] of [
      ['reminder', t.reminders],
      ['overdue', t.overdues],
      ['escalation', t.escalations],
    ] as const) {
      for (const [key, n] of fires) {
        once.check(n === 1, () => `${t.streamId}: ${kind} for ${key} fired ${n}×`);
      }
    }
    if (!t.open || t.dueAt === '') continue;
    const due = Date.parse(t.dueAt);
    // A timer is planned when the task is (re)assigned or extended; one already past runs then.
    const passed = (at: number) => Math.max(at, t.since) + s.slackMs < now;
    if (!t.overdue && passed(due - s.reminderLeadMs)) {
      fired.check(t.reminderFor === t.dueAt, () => `${t.streamId}: no reminder for ${t.dueAt}`);
    }
    if (passed(due)) {
      fired.check(t.overdue, () => `${t.streamId}: not marked overdue for ${t.dueAt}`);
    }
    if (t.overdue && passed(due + s.escalationGraceMs)) {
      fired.check(t.escalated, () => `${t.streamId}: overdue since ${t.dueAt}, not escalated`);
    }
  }
  return [once.result(), fired.result()];
}
