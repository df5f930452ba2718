/**
 * The ONE read policy (libs/follow-up's canSeeFollowUp), applied to a person rather than a
 * request: a person with several roles sees a task if any of their roles does. Nobody is told
 * about a task they may not open.
 */
import { isTombstone } from '@liaison/audit';
import { Actor, canSeeFollowUp, foldForReading, FollowUpState, Role } from '@liaison/follow-up';

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

/** The task as its events leave it, failing closed (libs/follow-up's foldForReading): where
 * its classification cannot be determined only the host's bureau heads and auditors are told,
 * and never its title or text (the e-mail withholds them). */
export function foldTask(events: readonly { type: string; data: unknown }[]): FollowUpState {
  return foldForReading(events, isTombstone);
}
