import { Decider as DeciderOf } from '@liaison/platform/decider';
import { DecisionContext } from './context';

export { assertNever, foldEvents } from '@liaison/platform/decider';

/** The follow-up and workshop rules decide with the follow-up domain's context. */
export type Decider<C, S, E> = DeciderOf<C, S, E, DecisionContext>;
