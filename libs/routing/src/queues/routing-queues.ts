import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { REDIS, RedisClient } from '@liaison/platform';
import { RoutingConfig } from '../config/routing.config';
import { ROUTING_CONFIG } from '../routing.tokens';
import { isClustered, queueKeyPrefix } from './queue-key-prefix';
import { jobOptions, TIMER_QUEUE } from './queues';
import { QueuedJob } from './queued-job';

export type RoutingQueue = Queue<object, unknown, string>;

/**
 * The producer side of every queue, over the process's shared producer connection: no offline
 * queue, so an add fails at once while Redis is down and the caller retries (the relay, from
 * its checkpoint) instead of piling jobs up in memory.
 */
@Injectable()
export class RoutingQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, RoutingQueue>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  get(name: string): RoutingQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      const prefix = queueKeyPrefix(this.config.queuePrefix, name, isClustered(this.redis));
      queue = new Queue(name, { connection: this.redis, prefix });
      queue.on('error', () => {}); // an outage surfaces as a failed add; the callers retry
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Adds the jobs, one round trip per queue. An id BullMQ still holds is dropped as a duplicate.
   * Work due now goes first: agency queues are written before the delayed timers.
   */
  async add(jobs: readonly QueuedJob[]): Promise<void> {
    const byQueue = new Map<string, QueuedJob[]>();
    for (const job of jobs) {
      const list = byQueue.get(job.queue);
      if (list) list.push(job);
      else byQueue.set(job.queue, [job]);
    }
    const now = Date.now();
    const queues = [...byQueue].sort(
      ([a], [b]) => Number(a === TIMER_QUEUE) - Number(b === TIMER_QUEUE),
    );
    await Promise.all(
      queues.map(([queue, list]) =>
        this.get(queue).addBulk(
          list.map((job) => ({
            name: job.name,
            data: job.payload,
            opts: {
              ...jobOptions(job.name, this.config),
              jobId: job.id,
              delay: Math.max(0, job.runAt.getTime() - now),
            },
          })),
        ),
      ),
    );
  }

  /** After the workers drained (beforeApplicationShutdown): their last jobs may still add. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => {})));
    this.queues.clear();
  }
}
