import { Injectable } from '@nestjs/common';
import { SubscriptionStatus } from '@liaison/event-store';
import { RoutingRelay } from '@liaison/routing';
import { ProjectionsWorker } from '../projections/projections.worker';

/** Every subscription this process runs or stands by for: the projections and the relay. */
@Injectable()
export class WorkerSubscriptions {
  constructor(
    private readonly projections: ProjectionsWorker,
    private readonly relay: RoutingRelay,
  ) {}

  list(): SubscriptionStatus[] {
    const relay = this.relay.status();
    return [...this.projections.status(), ...(relay ? [relay] : [])];
  }
}
