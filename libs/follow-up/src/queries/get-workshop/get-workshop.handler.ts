import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DecisionRunner } from '../../commands/decision-runner';
import { canSeeWorkshop, NotFoundError, workshopDecider, workshopStreamId } from '../../domain';
import { GetWorkshopQuery, WorkshopStateView } from './get-workshop.query';

@QueryHandler(GetWorkshopQuery)
export class GetWorkshopHandler implements IQueryHandler<GetWorkshopQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ workshopId, actor }: GetWorkshopQuery): Promise<WorkshopStateView> {
    const { state, version } = await this.runner.load(
      workshopDecider,
      workshopStreamId(workshopId),
    );
    if (!canSeeWorkshop(actor, state)) throw new NotFoundError('workshop', workshopId);
    return { id: workshopId, version, state };
  }
}
