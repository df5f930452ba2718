import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { ReadYourWrites } from '../fresh-read';
import { Single } from '../follow-up-view';
import { WorkshopProgressView } from './workshop-progress.view';

/** One workshop with its actions, requests and follow-up progress (GET /workshops/:id). */
export class WorkshopProgressQuery extends Query<Single<WorkshopProgressView>> {
  constructor(
    readonly actor: Actor,
    readonly workshopId: string,
    readonly params: ReadYourWrites = {},
  ) {
    super();
  }
}
