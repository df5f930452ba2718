import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { ReadYourWrites } from '../fresh-read';
import { FollowUpView, Single } from '../follow-up-view';

/** One task (GET /follow-ups/:id); item null when missing or not the actor's to see. */
export class GetFollowUpViewQuery extends Query<Single<FollowUpView>> {
  constructor(
    readonly actor: Actor,
    readonly followUpId: string,
    readonly params: ReadYourWrites = {},
  ) {
    super();
  }
}
