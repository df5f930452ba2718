import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { ReadYourWrites } from '../fresh-read';
import { Page } from '../follow-up-view';
import { WorkshopProgressView } from './workshop-progress.view';

export interface ListWorkshopProgressParams extends ReadYourWrites {
  hostAgency?: string;
  cursor?: string;
  limit?: number;
}

/** Workshops the actor may see, most recently held first (GET /workshops). */
export class ListWorkshopProgressQuery extends Query<Page<WorkshopProgressView>> {
  constructor(
    readonly actor: Actor,
    readonly params: ListWorkshopProgressParams = {},
  ) {
    super();
  }
}
