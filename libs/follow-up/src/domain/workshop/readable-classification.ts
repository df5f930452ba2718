import { Classification, isReadableClassification, PUBLIC, UNDETERMINED } from '../classification';
import { WorkshopEvent } from '../events';
import { foldFailingClosed } from '../fold-failing-closed';
import { evolveWorkshop, initialWorkshopState } from './workshop.state';

/**
 * A workshop's classification now, for asking who may read what hangs off it (its meeting
 * series), failing closed as foldForReading does for a task: a missing workshop, a disposed
 * event, a workshop event that does not fold or a classification the policy cannot read make it
 * UNDETERMINED, never public. `isDisposed` tells a disposed event's data (libs/audit's tombstone).
 */
export function workshopClassificationForReading(
  events: readonly { type: string; data: unknown }[],
  isDisposed: (data: unknown) => boolean,
): Classification {
  const { state, determined } = foldFailingClosed(events, isDisposed, {
    initialState: initialWorkshopState,
    evolve: (s, e: WorkshopEvent) => evolveWorkshop(s, e),
    ownPrefix: 'Workshop',
  });
  if (!state.exists || !determined || !isReadableClassification(state.classification))
    return UNDETERMINED;
  return state.classification ?? PUBLIC;
}
