import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { unableForMs } from '@liaison/event-store';
import { WorkerSubscriptions } from './worker-subscriptions';

/** The worker's own gauges on its registry (its /metrics): which subscriptions it runs, and
 * how long any of them has been unable to work. Lag is the API's to report: it is the same
 * whichever process runs a subscription. */
@Injectable()
export class WorkerMetrics {
  constructor(registry: Registry, subscriptions: WorkerSubscriptions) {
    registry.registerMetric(
      new Gauge({
        name: 'liaison_worker_subscription_active',
        help: '1 while this process holds the subscription and runs it, 0 on stand-by',
        labelNames: ['subscription'],
        registers: [],
        collect() {
          for (const s of subscriptions.list()) this.set({ subscription: s.name }, +s.active);
        },
      }),
    );
    registry.registerMetric(
      new Gauge({
        name: 'liaison_worker_subscription_unable_seconds',
        help: 'How long the subscription has been failing or stuck in one call; 0 while it works',
        labelNames: ['subscription'],
        registers: [],
        collect() {
          const now = Date.now();
          for (const s of subscriptions.list())
            this.set({ subscription: s.name }, unableForMs(s, now) / 1000);
        },
      }),
    );
  }
}
