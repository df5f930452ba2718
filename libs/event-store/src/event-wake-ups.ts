import { Pool, PoolClient } from 'pg';
import { EVENTS_CHANNEL } from './notify-throttle';
import { reconnectDelay } from './reconnect-backoff';

/**
 * One LISTEN connection per process, shared by all subscriptions in it. A lost connection is
 * re-established after a growing pause; subscriptions keep polling meanwhile, so nothing
 * depends on it for correctness, only for latency.
 */
export class EventWakeUps {
  private client?: PoolClient;
  private readonly listeners = new Set<() => void>();
  private stopped = false;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly retryMs = 1000,
    private readonly maxRetryMs = 10_000,
  ) {}

  /** Whether NOTIFYs arrive now (for the worker's health). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  async start(): Promise<void> {
    this.stopped = false;
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      if (this.stopped) return client.release();
      const held = client;
      held.on('notification', () => this.wakeAll());
      held.on('error', () => this.reconnect(held));
      await held.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = held;
      // Whatever was announced while the connection was down went unheard: look now.
      if (this.failures > 0) this.wakeAll();
      this.failures = 0;
    } catch {
      client?.release(true); // a connection that cannot LISTEN goes back broken, not leaked
      this.scheduleRetry();
    }
  }

  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      await client.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => {});
      client.release();
    }
  }

  private wakeAll(): void {
    this.listeners.forEach((wake) => wake());
  }

  private reconnect(broken: PoolClient): void {
    if (this.client !== broken) return;
    this.client = undefined;
    broken.release(true);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.failures += 1;
    const delay = reconnectDelay(this.failures, this.retryMs, this.maxRetryMs);
    this.retryTimer = setTimeout(() => void this.start(), delay);
  }
}
