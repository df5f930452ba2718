/**
 * The ONE read policy (libs/follow-up's canSeeFollowUp), applied to a person rather than a
 * request: a person with several roles sees a task if any of their roles does. Nobody is told
 * about a task they may not open.
 */
import { isTombstone } from '@liaison/audit';
import {
  Actor,
  canSeeFollowUp,
  evolveFollowUp,
  FollowUpEvent,
  FollowUpState,
  initialFollowUpState,
  isReadableClassification,
  Role,
  UNDETERMINED,
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
 * The task as its events leave it, failing closed: an event of a type the domain does not fold
 * (another lib's newer fact) is stepped over, but when the classification cannot be determined
 * (a known event that does not fold, content disposed to a tombstone, a classification of a
 * shape the policy cannot read) the task reads as UNDETERMINED: only the host's bureau heads
 * and auditors are told, and never its title or text (the e-mail withholds them).
 */
export function foldTask(events: readonly { type: string; data: unknown }[]): FollowUpState {
  let state = initialFollowUpState;
  let determined = true;
  for (const event of events) {
    if (isTombstone(event.data)) {
      determined = false;
      continue;
    }
    try {
      state = evolveFollowUp(state, event as FollowUpEvent);
    } catch {
      // a type this domain knows that does not fold may have changed who reads the task
      if (event.type.startsWith('FollowUp')) determined = false;
    }
  }
  if (!state.exists) return state;
  return determined && isReadableClassification(state.classification)
    ? state
    : { ...state, classification: UNDETERMINED };
}
