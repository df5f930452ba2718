import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventStore } from '@liaison/event-store';
import {
  AgencyDirectory,
  foldEvents,
  FollowUpEvent,
  followUpDecider,
  followUpStreamId,
  isOpen,
} from '@liaison/follow-up';
import {
  agencyQueue,
  decideRoute,
  isAssignment,
  jobIds,
  JobPayloads,
  JobResult,
  planDeadlines,
  queuedJob,
  ROUTING_CONFIG,
  RoutingConfig,
  SystemCommands,
  taskSnapshot,
} from '@liaison/routing';

const ACTOR = 'router';

/**
 * Routes an assignment: decides the agency, records FollowUpRouted (or FollowUpRoutingFailed,
 * which escalates), and hands the task to `agency-<code>` as a follow-on job, beside the
 * deadline timers of the new assignee. A job for an assignment that a later one replaced does
 * nothing: that one has its own job.
 */
@Injectable()
export class RouteFollowUpProcessor {
  private readonly logger = new Logger('Router');

  constructor(
    private readonly store: EventStore,
    private readonly directory: AgencyDirectory,
    private readonly commands: SystemCommands,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async process(payload: JobPayloads['route-follow-up']): Promise<JobResult> {
    const { followUpId, eventId, correlationId } = payload;
    const history = await this.store.readStream(followUpStreamId(followUpId));
    const latest = history.filter((e) => isAssignment(e.type)).at(-1);
    if (latest?.eventId !== eventId) return { outcome: 'skipped: a later assignment replaced it' };
    const state = foldEvents(followUpDecider, history as unknown as FollowUpEvent[]);
    if (!isOpen(state.status)) return { outcome: `skipped: the task is ${state.status}` };

    const cause = { correlationId, causationId: eventId };
    const timers = planDeadlines(state, this.config, correlationId);
    const agencies = await this.directory.snapshot();
    const route = decideRoute(state.assigneeAgency, state.hostAgency, agencies);
    if (route.kind === 'fail') {
      const { agency, reason } = route;
      await this.commands.send(
        ACTOR,
        { kind: 'RecordRoutingFailure', followUpId, agency, reason },
        cause,
      );
      this.logger.warn({ msg: 'routing failed', followUpId, agency, reason });
      return { outcome: `failed: ${reason}`, followOn: timers };
    }
    const queue = agencyQueue(route.queueAgency);
    await this.commands.send(
      ACTOR,
      { kind: 'RecordRouting', followUpId, agency: route.agency, queue },
      cause,
    );
    const task = taskSnapshot(state);
    const deliver = queuedJob(queue, 'deliver-task', jobIds.deliver(eventId), {
      eventId,
      agency: route.queueAgency,
      correlationId,
      task,
    });
    this.logger.log({ msg: 'routed', followUpId, agency: route.agency, queue });
    return { outcome: `routed to ${queue}`, followOn: [deliver, ...timers] };
  }
}
