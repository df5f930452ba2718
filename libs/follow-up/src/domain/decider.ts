/** The shape every aggregate's rules take: the handler loads events, folds them with `evolve`,
 * asks `decide`, appends what it returns. Nothing here does I/O. */
import { DecisionContext } from './context';

export interface Decider<C, S, E> {
  decide(command: C, state: S, ctx: DecisionContext): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

export function foldEvents<C, S, E>(
  decider: Decider<C, S, E>,
  events: readonly E[],
  from: S = decider.initialState,
): S {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

/** Compile-time proof that a switch handled every case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
