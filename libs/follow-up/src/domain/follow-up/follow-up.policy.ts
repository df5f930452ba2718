/** Who may see a follow-up and who acts on it: the rules the deciders and the read side share. */
import { Actor, AgencyInfo } from '../context';
import { FollowUpState } from './follow-up.state';

/** Host bureau heads, the current assignee's officers, and auditors. A former assignee loses
 * sight of the task when it is reassigned. */
export function canSeeFollowUp(actor: Actor, state: FollowUpState): boolean {
  if (!state.exists) return false;
  switch (actor.role) {
    case 'auditor':
      return true;
    case 'bureau_head':
      return actor.agency === state.hostAgency;
    case 'agency_officer':
      return actor.agency === state.assigneeAgency;
    default:
      return false;
  }
}

/** host: bureau heads of the hosting agency; assignee: officers of the current assignee. */
export type FollowUpParty = 'host' | 'assignee' | 'system';

export function actsAs(actor: Actor, party: FollowUpParty, state: FollowUpState): boolean {
  switch (party) {
    case 'host':
      return actor.role === 'bureau_head' && actor.agency === state.hostAgency;
    case 'assignee':
      return actor.role === 'agency_officer' && actor.agency === state.assigneeAgency;
    case 'system':
      return actor.role === 'system';
  }
}

/** Counterparts never log in, so their share of the work goes to the agency that owns the
 * relationship: the one named in the directory, else the workshop's host. */
export function liaisonAgencyFor(
  counterpartCode: string,
  workshop: { hostAgency: string },
  agencies: ReadonlyMap<string, AgencyInfo>,
): string {
  return agencies.get(counterpartCode)?.liaisonAgency ?? workshop.hostAgency;
}
