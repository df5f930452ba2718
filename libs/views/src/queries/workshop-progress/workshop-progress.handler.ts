import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { WORKSHOP_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { Single } from '../follow-up-view';
import { workshopScope } from '../read-scope';
import { WorkshopProgressQuery } from './workshop-progress.query';
import { WorkshopProgressView } from './workshop-progress.view';
import { WorkshopReader } from './workshop.reader';

@QueryHandler(WorkshopProgressQuery)
export class WorkshopProgressHandler implements IQueryHandler<WorkshopProgressQuery> {
  constructor(
    private readonly workshops: WorkshopReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute({
    actor,
    workshopId,
    params,
  }: WorkshopProgressQuery): Promise<Single<WorkshopProgressView>> {
    workshopScope(actor);
    const { stale } = await waitUntilFresh(
      this.freshness,
      WORKSHOP_SUBSCRIPTIONS,
      params.minPosition,
    );
    return { item: await this.workshops.one(actor, workshopId), stale };
  }
}
