import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { ConcurrencyError, EventStore, StoredEvent } from '@liaison/event-store';
import { AgencyDirectory } from '../agencies/agency-directory';
import { AgencyInfo, Decider, DomainError, DomainEvent, PersonInfo } from '../domain';
import { CommandMeta } from './command-meta';
import {
  DecisionSteps,
  LoadedHistory,
  Outcome,
  Pending,
  Planned,
  RunResult,
} from './decision-steps';
import { boundEventIds } from './idempotent-ids';
import { StreamLanes } from './stream-lanes';
import { StreamStateCache } from './stream-state-cache';

export type { LoadedHistory, Planned, RunResult } from './decision-steps';

/**
 * A batch's command for one stream. It carries no Idempotency-Key: a batch whose transaction
 * rolls back is simply made again, and an event id stored before would abort the transaction.
 */
export type BatchCommand<C, T> = Planned<C, T> & { meta: { idempotencySeed?: never } };

/** One stream of a batch: its command is planned on the stream as loaded. */
export interface BatchItem<C, S, T> extends Pending<C, S, T> {
  plan(
    stream: LoadedHistory<S>,
    agencies: ReadonlyMap<string, AgencyInfo>,
  ): BatchCommand<C, T> | undefined;
}
export type BatchOutcome<S, T> = Outcome<S, T>;

export interface BatchOptions {
  /** The caller's transaction: the batch reads and appends in it, and the caller commits. */
  tx: PoolClient;
  /** Whole histories (from version 1) the caller holds, such as new streams in a log batch. */
  known?: ReadonlyMap<string, readonly StoredEvent[]>;
}

/**
 * The one way a command touches the log: take the stream's state, decide, append at the version
 * the state was at (the steps themselves are DecisionSteps, shared by `run` and `runBatch`).
 *
 * The state comes from this process's cache when it has one, but only an append from it is
 * trusted (a stale version fails the append). A refusal or a "nothing to do" decided on cached
 * state is decided again on the stream as stored: another process may have reassigned or
 * extended the task, and a delivery or a reminder for the new facts must not be dropped.
 *
 * Commands on one stream take turns within the process (StreamLanes). Without `If-Match` the
 * caller asked for no version check, so a writer elsewhere that got in first (the router, a
 * timer, a colleague) only makes the command be decided again on the new state, a few
 * times, before the caller sees a 409. With `If-Match`, a moved stream is the caller's 409.
 *
 * A command bound to an Idempotency-Key (`idempotencySeed`) writes events whose ids derive from
 * the key: before deciding, and again when refused, the log is asked whether an earlier attempt
 * of the same request was applied, and if so its answer is returned. So a retry after a crash
 * between the append and the answer never applies the command twice.
 *
 * `runBatch` takes the same steps for many streams at once inside the caller's transaction (the
 * routing relay's): one read, one statement for the single-event appends, the streams that moved
 * decided again. It neither reads nor fills the cache (its appends are not committed yet) and
 * takes no lanes: a command of this process on one of its streams meets it as any other writer.
 */
@Injectable()
export class DecisionRunner {
  private readonly cache = new StreamStateCache();
  private readonly lanes = new StreamLanes();
  private readonly steps: DecisionSteps;
  private readonly directory = () => this.agencies.snapshot();

  constructor(
    private readonly store: EventStore,
    private readonly agencies: AgencyDirectory,
  ) {
    this.steps = new DecisionSteps(store);
  }

  /** The stream as stored now (queries use this: never the cache); in `tx` when given. */
  load<C, S, E>(
    decider: Decider<C, S, E>,
    streamId: string,
    tx?: PoolClient,
  ): Promise<LoadedHistory<S>> {
    return this.steps.load(decider, streamId, tx);
  }

  /** `people`: the people the command names, looked up by the handler for the rules. */
  run<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
    people?: ReadonlyMap<string, PersonInfo>,
  ): Promise<RunResult> {
    return this.lanes.run(streamId, () => this.runNow(decider, streamId, command, meta, people));
  }

  /**
   * Plans, decides and appends a command for each of several distinct streams, in `tx`. A
   * refusal is its stream's outcome; the others go ahead. Streams planned nothing have none.
   */
  async runBatch<C, S, E extends DomainEvent, T>(
    decider: Decider<C, S, E>,
    items: readonly BatchItem<C, S, T>[],
    options: BatchOptions,
  ): Promise<BatchOutcome<S, T>[]> {
    const streams = new Set(items.map((i) => i.streamId));
    if (streams.size !== items.length) throw new Error('a batch names each stream once');
    const { tx, known } = options;
    // the directory too is read in the caller's transaction, not through the pool
    return this.steps.settle(decider, items, () => this.agencies.snapshot(tx), { tx, known });
  }

  private async runNow<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
    people?: ReadonlyMap<string, PersonInfo>,
  ): Promise<RunResult> {
    const seed = meta.idempotencySeed;
    const earlier = seed === undefined ? undefined : await this.earlierAttempt(streamId, seed);
    if (earlier) return earlier;
    try {
      return await this.decideOnLatest(decider, streamId, command, meta, people);
    } catch (err) {
      // Refused because the first attempt of this very request got in meanwhile: its answer.
      const refused = err instanceof ConcurrencyError || err instanceof DomainError;
      const applied = seed !== undefined && refused && (await this.earlierAttempt(streamId, seed));
      if (applied) return applied;
      throw err;
    }
  }

  private async decideOnLatest<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
    people?: ReadonlyMap<string, PersonInfo>,
  ): Promise<RunResult> {
    const cached = this.cache.get<S>(streamId);
    if (cached && (meta.expectedVersion === undefined || meta.expectedVersion === cached.version)) {
      const decidable = { streamId, loaded: cached, command, meta, attached: undefined, people };
      const [fromCache] = await this.steps.decideAndAppend(
        decider,
        [decidable],
        await this.directory(),
      );
      if (fromCache.kind === 'decided' && fromCache.result.changed) {
        this.cache.set(streamId, fromCache.after);
        return fromCache.result;
      }
      this.cache.forget(streamId); // stale, perhaps: decide again on the stored stream
    }
    const plan = () => ({ command, meta, attached: undefined, people });
    const [outcome] = await this.steps.settle(decider, [{ streamId, plan }], this.directory, {
      cache: this.cache,
    });
    if (outcome.kind === 'refused') throw outcome.error;
    return outcome.result;
  }

  /** What an earlier attempt of the same keyed request wrote, if it was applied. */
  private async earlierAttempt(streamId: string, seed: string): Promise<RunResult | undefined> {
    const stored = await this.store.lastStoredOf(boundEventIds(seed));
    if (!stored) return undefined;
    if (stored.streamId !== streamId) {
      throw new Error(`Idempotency-Key bound to ${stored.streamId}, not ${streamId}`);
    }
    return { version: stored.version, position: stored.position, changed: true };
  }
}
