import { Pool, PoolClient } from 'pg';
import { EventStore } from './event-store';
import { EventWakeUps } from './event-wake-ups';
import { Checkpoint, START, StoredEvent } from './event.types';

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
  /**
   * Awaited after each batch committed, before the next one is read: to publish what the batch
   * recorded. It must not throw (the checkpoint has moved): it retries, or leaves a trace.
   */
  afterCommit?: () => Promise<void> | void;
  /** Called when a batch fails; the runner reconnects and retries it after a pause. */
  onError?: (err: unknown) => void;
}

export interface SubscriptionStatus {
  name: string;
  /** True while this process holds the subscription's lock and runs it. */
  active: boolean;
  position: number;
}

/**
 * A catch-up subscription over the global log with a durable checkpoint in Postgres.
 * At most one process runs a given subscription: the runner holds a session advisory lock on
 * its connection, and the others wait on stand-by until that connection goes away.
 */
export class Subscription {
  private stopped = true;
  private loop?: Promise<void>;
  private active = false;
  private checkpoint: Checkpoint = START;
  private wake?: () => void;
  /** A NOTIFY that came while a batch ran: the next idle() returns at once. */
  private woken = false;
  private unsubscribeWakeUps?: () => void;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly wakeUps: EventWakeUps | undefined,
    private readonly options: SubscriptionOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  get name(): string {
    return this.options.name;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribeWakeUps = this.wakeUps?.onWake(() => {
      this.woken = true;
      this.wake?.();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribeWakeUps?.();
    this.wake?.();
    await this.loop;
  }

  status(): SubscriptionStatus {
    return { name: this.name, active: this.active, position: this.checkpoint.position };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let client: PoolClient | undefined;
      let broken = false;
      try {
        client = await this.pool.connect();
        if (!(await this.tryLock(client))) {
          client.release();
          client = undefined;
          await this.idle(this.pollIntervalMs * 2);
          continue;
        }
        this.active = true;
        this.checkpoint = await this.loadCheckpoint(client);
        while (!this.stopped) {
          const handled = await this.processBatch(client);
          if (handled < this.batchSize) await this.idle(this.pollIntervalMs);
        }
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.lockKey]);
      } catch (err) {
        broken = true;
        this.options.onError?.(err);
        await this.idle(this.pollIntervalMs);
      } finally {
        this.active = false;
        // A broken connection is destroyed, which also drops its advisory lock.
        client?.release(broken);
      }
    }
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
    if (this.stopped || this.woken) {
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
