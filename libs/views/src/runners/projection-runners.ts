import { Pool } from 'pg';
import { EventStore, EventWakeUps, Subscription, SubscriptionStatus } from '@liaison/event-store';
import { LIVE_SCHEMA, Projection, ProjectionContext, subscriptionName } from '../projection';
import { PROJECTIONS } from '../projections.registry';

export interface ProjectionRunnersOptions {
  pool: Pool;
  store: EventStore;
  /** Shared LISTEN connection; without it the runners only poll. */
  wakeUps?: EventWakeUps;
  projections?: readonly Projection[];
  /** Tests run projections into a schema of their own. */
  schema?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  onError?: (projection: string, err: unknown) => void;
}

export interface ProjectionStatus {
  /** The subscription name, `projection:<name>`. */
  name: string;
  /** True while this process holds the subscription's lock (another process may run it). */
  active: boolean;
  /** The durable checkpoint, whichever process moves it. */
  position: number;
  headPosition: number;
  /** head − checkpoint position: how many positions the view is behind, roughly (positions
   * commit out of order, so this is a gauge, not an exact count). */
  lag: number;
}

/** One subscription per projection, started and stopped together (apps/worker owns them). */
export class ProjectionRunners {
  private readonly subscriptions: Subscription[];

  constructor(private readonly options: ProjectionRunnersOptions) {
    const { pool, store, wakeUps } = options;
    const ctx: ProjectionContext = {
      schema: options.schema ?? LIVE_SCHEMA,
      readStream: (streamId, fromVersion, toVersion) =>
        store.readStream(streamId, { fromVersion, toVersion }),
    };
    this.subscriptions = (options.projections ?? PROJECTIONS).map(
      (projection) =>
        new Subscription(pool, store, wakeUps, {
          name: subscriptionName(projection.name),
          handle: (events, tx) => projection.apply(events, tx, ctx),
          batchSize: options.batchSize ?? 1000,
          pollIntervalMs: options.pollIntervalMs,
          onError: (err) => options.onError?.(projection.name, err),
        }),
    );
  }

  start(): void {
    for (const s of this.subscriptions) s.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }

  /** What the runners in this process are doing (for the worker's own health and heartbeat). */
  runnerStatus(): SubscriptionStatus[] {
    return this.subscriptions.map((s) => s.status());
  }

  /** For /metrics and /health: reads the checkpoints from Postgres, so a stand-by process
   * reports the same lag as the active one. */
  async status(): Promise<ProjectionStatus[]> {
    const names = this.subscriptions.map((s) => s.name);
    const { rows } = await this.options.pool.query<{ name: string; position: string }>(
      'SELECT name, position FROM subscription_checkpoints WHERE name = ANY($1::text[])',
      [names],
    );
    const head = await this.options.store.headPosition();
    const checkpoints = new Map(rows.map((r) => [r.name, Number(r.position)]));
    return this.subscriptions.map((s) => {
      const position = checkpoints.get(s.name) ?? 0;
      return {
        name: s.name,
        active: s.status().active,
        position,
        headPosition: head,
        lag: Math.max(0, head - position),
      };
    });
  }
}

export function createProjectionRunners(options: ProjectionRunnersOptions): ProjectionRunners {
  return new ProjectionRunners(options);
}
