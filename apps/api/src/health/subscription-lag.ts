import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { Gauge, Registry } from 'prom-client';
import { EventStore } from '@liaison/event-store';
import { PROJECTIONS, subscriptionName } from '@liaison/views';
import { PG_POOL } from '@liaison/platform';
import { RELAY_SUBSCRIPTION } from '@liaison/routing';

export interface SubscriptionLag {
  name: string;
  /** The durable checkpoint, whichever process moves it. */
  position: number;
  /** head − checkpoint: how many positions it is behind, roughly (positions commit out of
   * order and some are lost to rollbacks, so this is a gauge, not an exact count). */
  lag: number;
}

/** Each read model's subscription. A function, not a constant: read at call time, it cannot
 * meet the registry half-loaded in an import cycle. */
const projectionSubscriptions = (): string[] => PROJECTIONS.map((p) => subscriptionName(p.name));

/** Every subscription the worker tier runs: each read model, and the relay that routes. */
export const workerSubscriptions = (): string[] => [
  ...projectionSubscriptions(),
  RELAY_SUBSCRIPTION,
];

/**
 * How far each subscription is behind the log. They run in the workers; their checkpoints are
 * in Postgres, so the API reads the same numbers without running anything.
 */
@Injectable()
export class SubscriptionLagReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    registry: Registry,
  ) {
    const read = () => this.read();
    registry.registerMetric(
      new Gauge({
        name: 'liaison_subscription_lag_positions',
        help: 'Global positions between the head of the event log and a subscription checkpoint',
        labelNames: ['subscription'],
        registers: [],
        async collect() {
          // During an outage the rest of /metrics must still be served.
          for (const s of await read().catch(() => [])) this.set({ subscription: s.name }, s.lag);
        },
      }),
    );
    registry.registerMetric(
      new Gauge({
        name: 'liaison_projection_lag_positions',
        help: 'Global positions between the head of the event log and the projection checkpoint',
        labelNames: ['projection'],
        registers: [],
        async collect() {
          for (const s of await read().catch(() => []))
            if (projectionSubscriptions().includes(s.name)) this.set({ projection: s.name }, s.lag);
        },
      }),
    );
  }

  async read(): Promise<SubscriptionLag[]> {
    const names = workerSubscriptions();
    const [{ rows }, head] = await Promise.all([
      this.pool.query<{ name: string; position: string }>(
        'SELECT name, position FROM subscription_checkpoints WHERE name = ANY($1::text[])',
        [names],
      ),
      this.store.headPosition(),
    ]);
    const checkpoints = new Map(rows.map((r) => [r.name, Number(r.position)]));
    return names.map((name) => {
      const position = checkpoints.get(name) ?? 0;
      return { name, position, lag: Math.max(0, head - position) };
    });
  }

  isProjection(name: string): boolean {
    return projectionSubscriptions().includes(name);
  }
}
