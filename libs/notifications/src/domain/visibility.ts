/**
 * The ONE read policy (libs/follow-up's canSeeFollowUp), applied to a person rather than a
 * request: a person with several roles sees a task if any of their roles does. Nobody is told
 * about a task they may not open.
 */
import {
  Actor,
  canSeeFollowUp,
  evolveFollowUp,
  FollowUpEvent,
  FollowUpState,
  initialFollowUpState,
  Role,
} from '@liaison/follow-up';

export interface PersonForPolicy {
  id: string;
  agency: string;
  roles: readonly string[];
  active: boolean;
}

const READING_ROLES: readonly Role[] = ['bureau_head', 'agency_officer', 'auditor'];

export function personMaySee(person: PersonForPolicy, task: FollowUpState): boolean {
  if (!person.active) return false;
  return person.roles.some(
    (role) =>
      (READING_ROLES as readonly string[]).includes(role) &&
      canSeeFollowUp(
        { id: person.id, role: role as Role, agency: person.agency } satisfies Actor,
        task,
      ),
  );
}

/**
 * The task as its events leave it. Event types the domain does not fold yet (another lib's
 * newer facts, such as comments) change nothing a notification needs, so they are stepped over.
 */
export function foldTask(events: readonly { type: string; data: unknown }[]): FollowUpState {
  let state = initialFollowUpState;
  for (const event of events) {
    try {
      state = evolveFollowUp(state, event as FollowUpEvent);
    } catch {
      // unknown to this version of the domain: not a change of who may see the task
    }
  }
  return state;
}
