import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** One Prometheus registry per process; modules register their own gauges and counters on it. */
@Global()
@Module({
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry, prefix: 'liaison_' });
        return registry;
      },
    },
  ],
  exports: [Registry],
})
export class MetricsModule {}
