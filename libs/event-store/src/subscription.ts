import { Pool, PoolClient } from 'pg';
import { EventStore } from './event-store';
import { EventWakeUps } from './event-wake-ups';
import { Checkpoint, START, StoredEvent } from './event.types';
import { reconnectDelay } from './reconnect-backoff';
import { SubscriptionState, SubscriptionStatus } from './subscription-status';

/**
 * Handles one batch inside the transaction that also moves the checkpoint: whatever the handler
 * writes through `tx` commits together with the new checkpoint, or not at all.
 */
export type BatchHandler = (events: StoredEvent[], tx: PoolClient) => Promise<void>;

export interface SubscriptionOptions {
  name: string;
  handle: BatchHandler;
  batchSize?: number;
  pollIntervalMs?: number;
  /** The longest pause between attempts while they fail (they start at the poll interval). */
  maxRetryDelayMs?: number;
  /**
   * Awaited after each batch committed, before the next one is read: to publish what the batch
   * recorded. It must not throw (the checkpoint has moved): it retries, or leaves a trace.
   */
  afterCommit?: () => Promise<void> | void;
  /** Called when a batch or the connection fails; the runner reconnects and retries after a
   * pause that grows while the failures go on. */
  onError?: (err: unknown) => void;
}

/**
 * A catch-up subscription over the global log with a durable checkpoint in Postgres.
 * At most one process runs a given subscription: the runner holds a session advisory lock on
 * its connection, and the others wait on stand-by until that connection goes away.
 *
 * A lost connection (Postgres restarted, the backend terminated) loses the lock with it: the
 * runner drops the connection, waits a growing pause, connects again and, once it holds the
 * lock again, resumes from the checkpoint stored in Postgres, not from the one it remembers (a
 * COMMIT whose answer was lost may or may not have moved it).
 */
export class Subscription {
  private stopped = true;
  private loop?: Promise<void>;
  private state: SubscriptionState = 'stopped';
  private checkpoint: Checkpoint = START;
  private failures = 0;
  private failingSince?: number;
  private lastError?: string;
  private busySince?: number;
  private wake?: () => void;
  /** A NOTIFY that came while a batch ran: the next idle() returns at once. */
  private woken = false;
  private unsubscribeWakeUps?: () => void;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly wakeUps: EventWakeUps | undefined,
    private readonly options: SubscriptionOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.maxRetryDelayMs = Math.max(this.pollIntervalMs, options.maxRetryDelayMs ?? 5000);
  }

  get name(): string {
    return this.options.name;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribeWakeUps = this.wakeUps?.onWake(() => {
      this.woken = true;
      // New events do not shorten the pause after a failure, or a busy log would make it a
      // tight loop against a broken handler or a Postgres that refuses connections.
      if (this.state !== 'retrying') this.wake?.();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribeWakeUps?.();
    this.wake?.();
    await this.loop;
    this.state = 'stopped';
  }

  status(): SubscriptionStatus {
    return {
      name: this.name,
      active: this.state === 'running',
      position: this.checkpoint.position,
      state: this.state,
      failingSince: this.failingSince,
      lastError: this.lastError,
      busySince: this.busySince,
    };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let client: PoolClient | undefined;
      let lost: unknown;
      // A held connection that dies between queries emits 'error' on its client, and an
      // unhandled 'error' event ends the process: it is caught here and ends this attempt.
      const onConnectionError = (err: unknown) => {
        lost ??= err;
        this.wake?.();
      };
      try {
        client = await this.busy(() => this.pool.connect());
        client.on('error', onConnectionError);
        if (!(await this.busy(() => this.tryLock(client!)))) {
          client.off('error', onConnectionError);
          client.release();
          client = undefined;
          this.state = 'standby';
          this.succeeded();
          await this.idle(this.pollIntervalMs * 2);
          continue;
        }
        this.checkpoint = await this.busy(() => this.loadCheckpoint(client!));
        this.state = 'running';
        this.succeeded();
        while (!this.stopped) {
          if (lost) throw lost;
          const handled = await this.busy(() => this.processBatch(client!));
          this.succeeded();
          if (handled < this.batchSize) await this.idle(this.pollIntervalMs);
        }
        if (lost) throw lost;
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.lockKey]);
      } catch (err) {
        lost ??= err;
        this.failed(err);
        if (client) {
          client.off('error', onConnectionError);
          // Destroyed, not returned: that also drops its advisory lock, should it still hold it.
          client.release(true);
          client = undefined;
        }
        this.state = this.stopped ? 'stopped' : 'retrying';
        await this.idle(reconnectDelay(this.failures, this.pollIntervalMs, this.maxRetryDelayMs));
      } finally {
        if (client) {
          client.off('error', onConnectionError);
          client.release(Boolean(lost));
        }
      }
    }
    this.state = 'stopped';
  }

  /** Runs one call to Postgres (or the batch's publish), marked in the status while it waits. */
  private async busy<T>(call: () => Promise<T>): Promise<T> {
    this.busySince = Date.now();
    try {
      return await call();
    } finally {
      this.busySince = undefined;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    this.failingSince = undefined;
    this.lastError = undefined;
  }

  private failed(err: unknown): void {
    this.failures += 1;
    this.failingSince ??= Date.now();
    this.lastError = err instanceof Error ? err.message : String(err);
    this.options.onError?.(err);
  }

  private get lockKey(): string {
    return `subscription:${this.name}`;
  }

  private async tryLock(client: PoolClient): Promise<boolean> {
    const { rows } = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
      [this.lockKey],
    );
    return rows[0].ok;
  }

  private async loadCheckpoint(client: PoolClient): Promise<Checkpoint> {
    const { rows } = await client.query<{ transaction_id: string; position: string }>(
      `INSERT INTO subscription_checkpoints (name) VALUES ($1)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
       RETURNING transaction_id, position`,
      [this.name],
    );
    return { transactionId: rows[0].transaction_id, position: Number(rows[0].position) };
  }

  private async processBatch(client: PoolClient): Promise<number> {
    const { events, checkpoint } = await this.store.readAll({
      after: this.checkpoint,
      limit: this.batchSize,
      client,
    });
    if (events.length === 0) return 0;
    await client.query('BEGIN');
    try {
      await this.options.handle(events, client);
      await client.query(checkpointAndCommit(client, this.name, checkpoint));
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
    this.checkpoint = checkpoint;
    await this.options.afterCommit?.();
    return events.length;
  }

  /** Waits for a NOTIFY, the poll interval, or stop(), whichever comes first. */
  private idle(ms: number): Promise<void> {
    if (this.stopped || (this.woken && this.state !== 'retrying')) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = undefined;
      this.woken = false;
    });
  }
}

/**
 * The new checkpoint and the COMMIT in one round trip (a simple query: it cannot take
 * parameters, so the values are quoted or checked to be digits). Should the UPDATE fail, the
 * COMMIT does not run and the caller rolls back.
 */
function checkpointAndCommit(client: PoolClient, name: string, c: Checkpoint): string {
  if (!/^\d+$/.test(c.transactionId) || !Number.isSafeInteger(c.position)) {
    throw new Error(`not a checkpoint: ${JSON.stringify(c)}`);
  }
  return `UPDATE subscription_checkpoints
     SET transaction_id = '${c.transactionId}', position = ${c.position}, updated_at = now()
     WHERE name = ${client.escapeLiteral(name)};
   COMMIT`;
}
