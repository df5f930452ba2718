import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { Gauge, Registry } from 'prom-client';
import { EventStore } from '@liaison/event-store';
import { createProjectionRunners, ProjectionRunners, ProjectionStatus } from '@liaison/follow-up';
import { PG_POOL } from '@liaison/platform';

/**
 * How far each read model is behind the log. The runners live in the worker; their checkpoints
 * are in Postgres, so the API reads the same numbers without running anything.
 */
@Injectable()
export class ProjectionStatusReader {
  private readonly runners: ProjectionRunners;

  constructor(@Inject(PG_POOL) pool: Pool, store: EventStore, registry: Registry) {
    this.runners = createProjectionRunners({ pool, store });
    const read = () => this.read();
    registry.registerMetric(
      new Gauge({
        name: 'liaison_projection_lag_positions',
        help: 'Global positions between the head of the event log and the projection checkpoint',
        labelNames: ['projection'],
        registers: [],
        async collect() {
          // During an outage the rest of /metrics must still be served.
          for (const s of await read().catch(() => [])) this.set({ projection: s.name }, s.lag);
        },
      }),
    );
  }

  read(): Promise<ProjectionStatus[]> {
    return this.runners.status();
  }
}
