import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { Gauge, Registry } from 'prom-client';
import { AgencyDirectory } from '@liaison/follow-up';
import { PG_POOL } from '@liaison/platform';
import { allQueueNames } from '../queues/agency-queue-names';
import { RoutingQueues } from '../queues/routing-queues';
import { RELAY_SUBSCRIPTION } from '../relay/routing-relay';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;
/** Counting further than this would make a scrape slow; the gauge then reads "at least". */
const LAG_COUNT_CAP = 100_000;

const RELAY_LAG_SQL = `
  WITH checkpoint AS (
    SELECT coalesce(max(transaction_id::text), '0')::xid8 AS t, coalesce(max(position), 0) AS p
    FROM subscription_checkpoints WHERE name = $1),
  pending AS (
    SELECT e.recorded_at FROM events e, checkpoint c
    WHERE (e.transaction_id, e.position) > (c.t, c.p)
    ORDER BY e.transaction_id, e.position LIMIT $2)
  SELECT count(*)::int AS events,
         coalesce(extract(epoch FROM now() - min(recorded_at)), 0)::float AS seconds
  FROM pending`;

/**
 * Queue depth, failures and relay lag for /metrics, read when Prometheus scrapes: from Redis
 * (job counts per queue and state), and from Postgres (relay lag, dead letters), so the API
 * reports them whichever worker process runs the relay.
 */
@Injectable()
export class RoutingMetrics implements OnModuleInit {
  constructor(
    private readonly registry: Registry,
    private readonly queues: RoutingQueues,
    private readonly directory: AgencyDirectory,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  onModuleInit(): void {
    if (this.registry.getSingleMetric('liaison_queue_jobs')) return;
    const { queues, directory, pool } = this;
    new Gauge({
      name: 'liaison_queue_jobs',
      help: 'Jobs per queue and state (failed: retries exhausted or rejected payloads)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const name of await allQueueNames(directory)) {
          const counts = await queues.get(name).getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    const relayLag = async () =>
      (
        await pool.query<{ events: number; seconds: number }>(RELAY_LAG_SQL, [
          RELAY_SUBSCRIPTION,
          LAG_COUNT_CAP,
        ])
      ).rows[0];
    new Gauge({
      name: 'liaison_relay_lag_events',
      help: `Events the relay has not handed to BullMQ yet (capped at ${LAG_COUNT_CAP})`,
      registers: [this.registry],
      async collect() {
        this.set((await relayLag()).events);
      },
    });
    new Gauge({
      name: 'liaison_relay_lag_seconds',
      help: 'Age of the oldest event the relay has not handed to BullMQ yet',
      registers: [this.registry],
      async collect() {
        this.set((await relayLag()).seconds);
      },
    });
    new Gauge({
      name: 'liaison_dead_letters',
      help: 'Deliveries that ran out of retries, by whether an admin has retried them',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const { rows } = await pool.query<{ waiting: number; retried: number }>(
          `SELECT count(*) FILTER (WHERE retried_at IS NULL)::int AS waiting,
                  count(*) FILTER (WHERE retried_at IS NOT NULL)::int AS retried
           FROM dead_letters`,
        );
        this.set({ status: 'waiting' }, rows[0].waiting);
        this.set({ status: 'retried' }, rows[0].retried);
      },
    });
  }
}
