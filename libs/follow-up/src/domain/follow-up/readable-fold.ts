import { isReadableClassification, UNDETERMINED } from '../classification';
import { FollowUpEvent } from '../events';
import { foldFailingClosed } from '../fold-failing-closed';
import { evolveFollowUp, FollowUpState, initialFollowUpState } from './follow-up.state';

/**
 * The task as its events leave it, for asking who may read it, failing closed: an event of a
 * type the domain does not fold (another lib's newer fact) is stepped over, but where the
 * classification cannot be determined (an event disposed of, a known event that does not fold,
 * a classification of a shape the policy cannot read) it is UNDETERMINED, never public.
 * `isDisposed` tells a disposed event's data (libs/audit's tombstone: the domain knows no
 * storage). The one fold behind notifications' recipients and meeting agendas.
 */
export function foldForReading(
  events: readonly { type: string; data: unknown }[],
  isDisposed: (data: unknown) => boolean,
): FollowUpState {
  const { state, determined } = foldFailingClosed(events, isDisposed, {
    initialState: initialFollowUpState,
    evolve: (s, e: FollowUpEvent) => evolveFollowUp(s, e),
    ownPrefix: 'FollowUp',
  });
  return determined && isReadableClassification(state.classification)
    ? state
    : { ...state, classification: UNDETERMINED };
}
