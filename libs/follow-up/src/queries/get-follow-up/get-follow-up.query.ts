import { Query } from '@nestjs/cqrs';
import { Actor, FollowUpState } from '../../domain';

export interface FollowUpStateView {
  id: string;
  version: number;
  state: FollowUpState;
  /** The officer's name, when the task has one the directory knows. */
  officerName?: { ko: string; en: string };
}

/** One task's current state, folded from its stream: always up to date, with its version. */
export class GetFollowUpQuery extends Query<FollowUpStateView> {
  constructor(
    readonly followUpId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
