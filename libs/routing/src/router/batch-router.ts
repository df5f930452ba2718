import { Inject, Injectable, Logger } from '@nestjs/common';
import { PoolClient } from 'pg';
import { StoredEvent } from '@liaison/event-store';
import {
  AgencyInfo,
  BatchCommand,
  BatchItem,
  DecisionRunner,
  FollowUpState,
  followUpDecider,
  isOpen,
  LoadedHistory,
  SystemCommand,
} from '@liaison/follow-up';
import { RoutingConfig } from '../config/routing.config';
import { planDeadlines } from '../deadlines/deadline-plan';
import { QueuedJob, queuedJob } from '../queues/queued-job';
import { agencyQueue, jobIds } from '../queues/queues';
import { isAssignment } from '../relay/relay-jobs';
import { ROUTING_CONFIG } from '../routing.tokens';
import { decideRoute } from './route-decision';
import { taskSnapshot } from './task-snapshot';

const ROUTER = { id: 'router', role: 'system' as const };

export interface RoutedBatch {
  /** Deliveries to agency queues and deadline timers, for the caller to record and add. */
  jobs: QueuedJob[];
  /** Events recorded (FollowUpRouted, or FollowUpRoutingFailed with its escalation). */
  recorded: number;
}

/**
 * Routes a batch of assignments inside the relay's transaction: for each task, picks its queue
 * (the assignee's, or a routing failure escalated to the bureau) and plans its jobs; the
 * commands go to the log through the DecisionRunner's batch form (one read, one statement,
 * the streams that moved decided again). Everything commits with the relay's checkpoint, so a
 * crash routes the batch again from the start, and a task already routed decides nothing new
 * (the decider refuses to route it twice).
 */
@Injectable()
export class BatchRouter {
  private readonly logger = new Logger('Router');

  constructor(
    private readonly runner: DecisionRunner,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  /** Routes the assignments among `events` (a batch of the log, in its order). */
  async route(events: readonly StoredEvent[], tx: PoolClient): Promise<RoutedBatch> {
    // Each task's last assignment in the batch: an earlier one was replaced by it.
    const assignments = new Map<string, StoredEvent>();
    for (const e of events.filter((x) => isAssignment(x.type))) {
      assignments.delete(e.streamId); // re-insert: routed in the order of the last one
      assignments.set(e.streamId, e);
    }
    const result: RoutedBatch = { jobs: [], recorded: 0 };
    if (assignments.size === 0) return result;
    const items = [...assignments.values()].map(
      (assignment): BatchItem<SystemCommand, FollowUpState, QueuedJob[]> => ({
        streamId: assignment.streamId,
        plan: (stream, agencies) => this.plan(assignment, stream, agencies),
      }),
    );
    // A stream whose whole history is in the batch (a new task, the common case) is decided on
    // that history; should it have grown since, its append is refused and it is read anew.
    const known = wholeStreamsIn(events);
    for (const outcome of await this.runner.runBatch(followUpDecider, items, { tx, known })) {
      if (outcome.kind === 'refused') {
        // Only a bug makes the rules refuse the router's own command: skip the task, loudly,
        // rather than stop routing for every agency.
        const followUpId = assignments.get(outcome.streamId)?.data.followUpId;
        this.logger.error({ msg: 'routing refused', followUpId, reason: outcome.error.message });
        continue;
      }
      // A decision with no event (already routed) still hands back its jobs: their ids are
      // derived from the assignment, so adding them again adds nothing.
      result.recorded += outcome.events;
      result.jobs.push(...outcome.attached);
    }
    return result;
  }

  /** The command for one assignment, with its jobs; none when a later one replaced it or the task closed. */
  private plan(
    assignment: StoredEvent,
    stream: LoadedHistory<FollowUpState>,
    agencies: ReadonlyMap<string, AgencyInfo>,
  ): BatchCommand<SystemCommand, QueuedJob[]> | undefined {
    const latest = stream.events.filter((e) => isAssignment(e.type)).at(-1);
    if (latest?.eventId !== assignment.eventId) return undefined; // the later one is routed instead
    const { state } = stream;
    if (!isOpen(state.status)) return undefined;

    const { followUpId } = state;
    const correlationId = assignment.metadata.correlation_id;
    const meta = { actor: ROUTER, correlationId, causationId: assignment.eventId };
    const timers = planDeadlines(state, this.config, correlationId);
    const route = decideRoute(state.assigneeAgency, state.hostAgency, agencies);
    if (route.kind === 'fail') {
      this.logger.warn({
        msg: 'routing failed',
        followUpId,
        agency: route.agency,
        reason: route.reason,
      });
      const command: SystemCommand = {
        kind: 'RecordRoutingFailure',
        followUpId,
        agency: route.agency,
        reason: route.reason,
      };
      return { command, meta, attached: timers };
    }
    const queue = agencyQueue(route.queueAgency);
    const deliver = queuedJob(queue, 'deliver-task', jobIds.deliver(assignment.eventId), {
      eventId: assignment.eventId,
      agency: route.queueAgency,
      correlationId,
      task: taskSnapshot(state),
    });
    const command: SystemCommand = {
      kind: 'RecordRouting',
      followUpId,
      agency: route.agency,
      queue,
    };
    return { command, meta, attached: [deliver, ...timers] };
  }
}

/** The streams of a batch that it holds from their first version on, without a gap. */
function wholeStreamsIn(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const streams = new Map<string, StoredEvent[]>();
  const broken = new Set<string>();
  for (const e of events) {
    let history = streams.get(e.streamId);
    if (!history) streams.set(e.streamId, (history = []));
    if (e.version !== history.length + 1) broken.add(e.streamId);
    history.push(e);
  }
  for (const id of broken) streams.delete(id);
  return streams;
}
