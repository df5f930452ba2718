import { Inject, Injectable, Logger } from '@nestjs/common';
import { PoolClient } from 'pg';
import { ConcurrencyError, EventMetadata, EventStore, StoredEvent } from '@liaison/event-store';
import {
  AgencyInfo,
  AgencyDirectory,
  DomainError,
  eventMetadata,
  foldEvents,
  FollowUpEvent,
  followUpDecider,
  isOpen,
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
/** Rounds of deciding again for streams that moved meanwhile, before the batch is retried. */
const MAX_ROUNDS = 5;

/** What one assignment leads to: the events to record and, once recorded, the jobs to add. */
interface Decision {
  streamId: string;
  version: number;
  events: FollowUpEvent[];
  metadata: EventMetadata;
  jobs: QueuedJob[];
}

export interface RoutedBatch {
  /** Deliveries to agency queues and deadline timers, for the caller to record and add. */
  jobs: QueuedJob[];
  /** Events recorded (FollowUpRouted, or FollowUpRoutingFailed with its escalation). */
  recorded: number;
}

/**
 * Routes a batch of assignments inside the relay's transaction: reads their streams in one
 * query, decides each (the assignee's queue, or a routing failure escalated to the bureau),
 * records the single-event decisions in one statement and hands back the jobs. Everything
 * commits with the relay's checkpoint, so a crash routes the batch again from the start, and a
 * task already routed decides nothing new (the decider refuses to route it twice).
 */
@Injectable()
export class BatchRouter {
  private readonly logger = new Logger('Router');

  constructor(
    private readonly store: EventStore,
    private readonly directory: AgencyDirectory,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  /** Routes the assignments among `events` (a batch of the log, in its order). */
  async route(events: readonly StoredEvent[], tx: PoolClient): Promise<RoutedBatch> {
    const agencies = await this.directory.snapshot();
    const result: RoutedBatch = { jobs: [], recorded: 0 };
    let pending = events.filter((e) => isAssignment(e.type));
    // A stream whose whole history is in the batch (a new task, the common case) is decided on
    // that history; should it have grown since, its append is refused and it is read below.
    let known = wholeStreamsIn(events);
    for (let round = 1; pending.length > 0; round++) {
      if (round > MAX_ROUNDS) {
        throw new ConcurrencyError(pending[0].streamId, 'the version read', undefined);
      }
      const toRead = unique(pending.map((e) => e.streamId)).filter((id) => !known.has(id));
      const streams = new Map([...known, ...(await this.store.readStreams(toRead, tx))]);
      known = new Map();
      const decisions = pending.flatMap((e) => this.decide(e, streams.get(e.streamId)!, agencies));
      const moved = await this.record(decisions, tx, result);
      pending = pending.filter((e) => moved.has(e.streamId));
    }
    return result;
  }

  /** The decision for one assignment; none when a later one replaced it or the task closed. */
  private decide(
    assignment: StoredEvent,
    history: StoredEvent[],
    agencies: ReadonlyMap<string, AgencyInfo>,
  ): Decision[] {
    const latest = history.filter((e) => isAssignment(e.type)).at(-1);
    if (latest?.eventId !== assignment.eventId) return []; // the later one is routed instead
    const state = foldEvents(followUpDecider, history as unknown as FollowUpEvent[]);
    if (!isOpen(state.status)) return [];

    const { followUpId } = state;
    const correlationId = assignment.metadata.correlation_id;
    const meta = { actor: ROUTER, correlationId, causationId: assignment.eventId };
    const timers = planDeadlines(state, this.config, correlationId);
    const route = decideRoute(state.assigneeAgency, state.hostAgency, agencies);
    let command: SystemCommand;
    let jobs: QueuedJob[];
    if (route.kind === 'fail') {
      command = {
        kind: 'RecordRoutingFailure',
        followUpId,
        agency: route.agency,
        reason: route.reason,
      };
      jobs = timers;
      this.logger.warn({
        msg: 'routing failed',
        followUpId,
        agency: route.agency,
        reason: route.reason,
      });
    } else {
      const queue = agencyQueue(route.queueAgency);
      command = { kind: 'RecordRouting', followUpId, agency: route.agency, queue };
      const deliver = queuedJob(queue, 'deliver-task', jobIds.deliver(assignment.eventId), {
        eventId: assignment.eventId,
        agency: route.queueAgency,
        correlationId,
        task: taskSnapshot(state),
      });
      jobs = [deliver, ...timers];
    }
    try {
      const events = followUpDecider.decide(command, state, {
        actor: ROUTER,
        now: new Date(),
        agencies,
      });
      const version = history[history.length - 1].version;
      return [
        { streamId: assignment.streamId, version, events, metadata: eventMetadata(meta), jobs },
      ];
    } catch (err) {
      // Only a bug makes the rules refuse the router's own command: skip the task, loudly,
      // rather than stop routing for every agency.
      if (!(err instanceof DomainError)) throw err;
      this.logger.error({ msg: 'routing refused', followUpId, reason: err.message });
      return [];
    }
  }

  /**
   * Records the decisions; returns the streams that moved since they were read (nothing was
   * written to those: they are decided again). The jobs of the rest go to the result.
   */
  private async record(decisions: Decision[], tx: PoolClient, result: RoutedBatch) {
    const moved = new Set<string>();
    const single = decisions.filter((d) => d.events.length === 1);
    if (single.length > 0) {
      const { conflicts } = await this.store.appendToStreams(
        single.map((d) => ({
          streamId: d.streamId,
          event: toNewEvent(d.events[0], d.metadata),
          expectedVersion: d.version,
        })),
        tx,
      );
      conflicts.forEach((s) => moved.add(s));
      result.recorded += single.length - conflicts.length;
    }
    // A routing failure and its escalation: two events, rare, appended stream by stream.
    for (const d of decisions.filter((x) => x.events.length > 1)) {
      try {
        const events = d.events.map((e) => toNewEvent(e, d.metadata));
        await this.store.append(d.streamId, events, { expectedVersion: d.version, client: tx });
        result.recorded += d.events.length;
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || err.actual === undefined) throw err;
        moved.add(d.streamId);
      }
    }
    // A decision with no event (already routed) still hands back its jobs: their ids are
    // derived from the assignment, so adding them again adds nothing.
    for (const d of decisions) if (!moved.has(d.streamId)) result.jobs.push(...d.jobs);
    return moved;
  }
}

function toNewEvent(event: FollowUpEvent, metadata: EventMetadata) {
  return { type: event.type, data: { ...event.data }, metadata };
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

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
