/**
 * A stream folded for asking who may read it: events are folded in order; a disposed event, or
 * an event of this domain's own types (`ownPrefix`) that does not fold, leaves the result
 * undetermined, since it may have changed who reads; another lib's newer fact is stepped over.
 * `isDisposed` tells a disposed event's data (libs/audit's tombstone: the domain knows no storage).
 */
export function foldFailingClosed<S, E>(
  events: readonly { type: string; data: unknown }[],
  isDisposed: (data: unknown) => boolean,
  fold: { initialState: S; evolve: (state: S, event: E) => S; ownPrefix: string },
): { state: S; determined: boolean } {
  let state = fold.initialState;
  let determined = true;
  for (const event of events) {
    if (isDisposed(event.data)) {
      determined = false;
      continue;
    }
    try {
      state = fold.evolve(state, event as E);
    } catch {
      if (event.type.startsWith(fold.ownPrefix)) determined = false;
    }
  }
  return { state, determined };
}
