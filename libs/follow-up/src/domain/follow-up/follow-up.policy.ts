/** Who may see a follow-up and who acts on it: the rules the deciders and the read side share. */
import { classificationAllows } from '../classification';
import { Actor, AgencyInfo } from '../context';
import { FollowUpState } from './follow-up.state';

/** Host bureau heads, the current assignee's officers, and auditors. A former assignee loses
 * sight of the task when it is reassigned. The officers of an agency asked for a contribution
 * (협조기관) read the lead task they contribute to, whatever became of the contribution; the
 * lead agency's officers read each contribution to their task (its answer, comments, files). */
export function canSeeFollowUp(actor: Actor, state: FollowUpState): boolean {
  return (
    seesUnclassified(actor, state) &&
    classificationAllows(actor, state.hostAgency, state.classification)
  );
}

/** Classification (classification.ts) narrows these rules, never widens them. */
function seesUnclassified(actor: Actor, state: FollowUpState): boolean {
  if (!state.exists) return false;
  switch (actor.role) {
    case 'auditor':
      return true;
    case 'bureau_head':
      return actor.agency === state.hostAgency;
    case 'agency_officer':
      return (
        actor.agency === state.assigneeAgency ||
        (state.contributions ?? []).some((c) => c.agency === actor.agency) ||
        (state.kind === 'contribution' && actor.agency === state.leadAgency)
      );
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

/** The task's named officer, or someone acting for them under a delegation (대결). A task
 * without an officer is anyone's of its agency. */
export function isTheOfficer(actor: Actor, state: FollowUpState): boolean {
  if (state.officerId === undefined) return true;
  return (actor.onBehalfOf?.id ?? actor.id) === state.officerId;
}

/** Who becomes the officer when the actor takes a task: under a delegation, the person acted
 * for (the acting colleague works in their name, and the task stays theirs when they return). */
export function officerIdOf(actor: Actor): string {
  return actor.onBehalfOf?.id ?? actor.id;
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
