import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Pool } from 'pg';
import {
  LIAISON_CONFIG,
  LiaisonConfig,
  PG_POOL,
  recordHeartbeat,
  removeHeartbeat,
} from '@liaison/platform';
import { WORKER_NAME } from '../routing/worker-identity';
import { WorkerSubscriptions } from './worker-subscriptions';

export interface HeartbeatStatus {
  /** When the last beat was recorded (ms since the epoch). */
  lastBeatAt?: number;
  failingSince?: number;
  lastError?: string;
  /** Set while a beat waits for Postgres. */
  busySince?: number;
}

/**
 * Records every few seconds, in worker_heartbeats, that this process lives and what its
 * subscriptions do; the API's /health reads it to see the worker tier. A beat that fails is
 * retried at the next tick; one that hangs (a frozen Postgres) is not doubled.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WorkerHeartbeat');
  private readonly current: HeartbeatStatus = {};
  private timer?: NodeJS.Timeout;
  private beating?: Promise<void>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    private readonly subscriptions: WorkerSubscriptions,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.workerHeartbeatMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
    await removeHeartbeat(this.pool, WORKER_NAME).catch(() => {});
  }

  status(): HeartbeatStatus {
    return { ...this.current };
  }

  private tick(): void {
    if (this.beating) return;
    this.beating = this.beat().finally(() => (this.beating = undefined));
  }

  private async beat(): Promise<void> {
    this.current.busySince = Date.now();
    try {
      const subscriptions = this.subscriptions.list().map((s) => ({
        name: s.name,
        state: s.state,
        active: s.active,
        failingSince: s.failingSince ? new Date(s.failingSince).toISOString() : undefined,
        lastError: s.lastError,
      }));
      await recordHeartbeat(this.pool, WORKER_NAME, subscriptions);
      if (this.current.failingSince) this.logger.log('heartbeat recorded again');
      Object.assign(this.current, { lastBeatAt: Date.now(), failingSince: undefined });
      this.current.lastError = undefined;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (!this.current.failingSince) this.logger.warn({ msg: 'heartbeat failed', reason });
      this.current.failingSince ??= Date.now();
      this.current.lastError = reason;
    } finally {
      this.current.busySince = undefined;
    }
  }
}
