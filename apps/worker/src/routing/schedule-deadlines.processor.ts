import { Inject, Injectable } from '@nestjs/common';
import { DecisionRunner, followUpDecider, followUpStreamId } from '@liaison/follow-up';
import {
  JobPayloads,
  JobResult,
  planDeadlines,
  ROUTING_CONFIG,
  RoutingConfig,
} from '@liaison/routing';

/**
 * Plans a task's deadline timers anew after an extension, from its current state: a late job
 * for an earlier extension plans the current due time's timers, which deterministic ids keep
 * single. (A new assignment's timers are planned by its routing job.)
 */
@Injectable()
export class ScheduleDeadlinesProcessor {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async process(payload: JobPayloads['schedule-deadlines']): Promise<JobResult> {
    const streamId = followUpStreamId(payload.followUpId);
    const { state } = await this.runner.load(followUpDecider, streamId);
    const timers = planDeadlines(state, this.config, payload.correlationId);
    return { outcome: `planned ${timers.length} timer(s) for ${state.dueAt}`, followOn: timers };
  }
}
