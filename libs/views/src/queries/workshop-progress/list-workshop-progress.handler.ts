import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { WORKSHOP_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { Page } from '../follow-up-view';
import { workshopScope } from '../read-scope';
import { ListWorkshopProgressQuery } from './list-workshop-progress.query';
import { WorkshopProgressView } from './workshop-progress.view';
import { WorkshopReader } from './workshop.reader';

@QueryHandler(ListWorkshopProgressQuery)
export class ListWorkshopProgressHandler implements IQueryHandler<ListWorkshopProgressQuery> {
  constructor(
    private readonly workshops: WorkshopReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute({ actor, params }: ListWorkshopProgressQuery): Promise<Page<WorkshopProgressView>> {
    workshopScope(actor);
    const { minPosition, ...page } = params;
    const { stale } = await waitUntilFresh(this.freshness, WORKSHOP_SUBSCRIPTIONS, minPosition);
    return { ...(await this.workshops.page(actor, page)), stale };
  }
}
