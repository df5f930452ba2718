import { Actor } from '../context';
import { WorkshopState } from './workshop.state';

/** Bureau heads see what their own agency hosts; auditors see everything. Anyone else is told
 * the workshop does not exist, so other agencies cannot probe for ids. */
export function canSeeWorkshop(actor: Actor, state: WorkshopState): boolean {
  if (!state.exists) return false;
  if (actor.role === 'auditor') return true;
  return actor.role === 'bureau_head' && actor.agency === state.hostAgency;
}
