/**
 * The shape every aggregate's rules take, in every domain lib: the command path loads a stream,
 * folds it with `evolve`, asks `decide` (with the context of its domain: who, when, what it may
 * not look up itself), appends what it returns. Nothing here does I/O, and nothing here imports
 * the rest of the platform, so domains reach it by its own path (`@liaison/platform/decider`).
 */
export interface Decider<C, S, E, X> {
  decide(command: C, state: S, ctx: X): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

export function foldEvents<C, S, E, X>(
  decider: Decider<C, S, E, X>,
  events: readonly E[],
  from: S = decider.initialState,
): S {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

/** Compile-time proof that a switch handled every case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
