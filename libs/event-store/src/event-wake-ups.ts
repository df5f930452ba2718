import { Pool, PoolClient } from 'pg';
import { EVENTS_CHANNEL } from './event-store';

/**
 * One LISTEN connection per process, shared by all subscriptions in it. A lost connection is
 * re-established after a pause; subscriptions keep polling meanwhile, so nothing depends on it
 * for correctness, only for latency.
 */
export class EventWakeUps {
  private client?: PoolClient;
  private readonly listeners = new Set<() => void>();
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly retryMs = 1000,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      if (this.stopped) return client.release();
      client.on('notification', () => this.listeners.forEach((wake) => wake()));
      client.on('error', () => this.reconnect(client!));
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
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

  private reconnect(broken: PoolClient): void {
    if (this.client !== broken) return;
    this.client = undefined;
    broken.release(true);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.start(), this.retryMs);
  }
}
