import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { BoardReader } from '../board.reader';
import { BOARD_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { followUpScope } from '../read-scope';
import { emptyStatusCounts, openOf, totalOf } from '../status-counts';
import { AgencyWorkload, AgencyWorkloadQuery } from './agency-workload.query';

@QueryHandler(AgencyWorkloadQuery)
export class AgencyWorkloadHandler implements IQueryHandler<AgencyWorkloadQuery> {
  constructor(
    private readonly board: BoardReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute({
    actor,
    params,
  }: AgencyWorkloadQuery): Promise<{ items: AgencyWorkload[]; stale: boolean }> {
    followUpScope(actor);
    const { stale } = await waitUntilFresh(this.freshness, BOARD_SUBSCRIPTIONS, params.minPosition);
    const byAgency = new Map<string, AgencyWorkload>();
    for (const r of await this.board.countsByAgency(actor, params.agency)) {
      let w = byAgency.get(r.agency);
      if (!w) {
        w = { agency: r.agency, open: 0, overdue: 0, total: 0, byStatus: emptyStatusCounts() };
        byAgency.set(r.agency, w);
      }
      if (r.status in w.byStatus) w.byStatus[r.status] += r.n;
      w.overdue += r.overdue;
    }
    const items = [...byAgency.values()].map((w) => ({
      ...w,
      open: openOf(w.byStatus),
      total: totalOf(w.byStatus),
    }));
    return { items, stale };
  }
}
