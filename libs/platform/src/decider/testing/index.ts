/**
 * Given events / When command / Then events, for any domain's Decider:
 *
 *   const { given } = DeciderSpecification.for(followUpDecider, as(msitHead));
 *   given(assigned(), routed()).when(accept(), as(msitHead)).thenThrows(InvalidStateError, 'routed');
 *
 * The folded state and the command are frozen before deciding, so a rule that mutates its
 * input fails its spec. Spec-only (it calls jest's `expect`), hence its own path
 * (`@liaison/platform/decider/testing`) beside the decider's.
 */
import { Decider, foldEvents } from '../index';

type ErrorClass<T extends Error> = abstract new (...args: never[]) => T;

export class DeciderSpecification<C, S, E, X> {
  private constructor(
    private readonly decider: Decider<C, S, E, X>,
    private readonly defaultCtx: X,
  ) {}

  static for<C, S, E, X>(decider: Decider<C, S, E, X>, defaultCtx: X) {
    return new DeciderSpecification(decider, defaultCtx);
  }

  readonly given = (...events: E[]) => ({
    when: (command: C, ctx: X = this.defaultCtx) =>
      new Outcome(() => {
        const state = deepFreeze(foldEvents(this.decider, events.map(deepFreeze)));
        return this.decider.decide(deepFreeze(command), state, ctx);
      }),
  });
}

class Outcome<E> {
  constructor(private readonly decide: () => E[]) {}

  then(expected: E[]): void {
    expect(this.decide()).toEqual(expected);
  }

  thenNothingHappens(): void {
    this.then([]);
  }

  /** Returns the error for further checks (its code, field or state). */
  thenThrows<T extends Error>(errorClass: ErrorClass<T>, messagePart?: string): T {
    let caught: unknown;
    try {
      this.decide();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(errorClass);
    if (messagePart !== undefined) expect((caught as Error).message).toContain(messagePart);
    return caught as T;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
