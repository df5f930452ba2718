import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { catchError, from, map, mergeMap, Observable, of, throwError } from 'rxjs';
import { AuthenticatedUser, EDGE_CONFIG, EdgeConfig, PG_POOL } from '@liaison/platform';

export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('Idempotency-Key was already used with a different request');
  }
}

export class IdempotencyKeyInUseError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_IN_USE';
  constructor() {
    super('A request with this Idempotency-Key is still being processed');
  }
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

interface HttpRequest {
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string | undefined>;
  user?: AuthenticatedUser;
  /** Set while this request owns its key: the command binds its ids and events to it. */
  idempotencySeed?: string;
}

/** How long an unanswered claim is left to its owner before a retry takes the command over. */
const TAKEOVER_AFTER = '5 seconds';
/** Keys past their retention are purged at most this often per API process. */
export const IDEMPOTENCY_PURGE_EVERY_MS = 60_000;

/**
 * `Idempotency-Key` on a command: the same caller, key and request get the first answer again;
 * the same key with another request is a 422. The key is claimed before the command runs, so
 * two racing retries do not both execute; a failed command releases its key for another try.
 *
 * The stored answer alone cannot make this safe: a process can die, or Postgres go away, after
 * the command's events committed and before the answer is stored. So the command is also bound
 * to the key (`idempotencySeed`): its new ids and its events' ids derive from it, and the
 * DecisionRunner returns what an earlier attempt wrote instead of applying it again. That is why
 * an unanswered claim can be taken over after a few seconds, not a minute.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private lastPurge = 0;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EDGE_CONFIG) private readonly edge: EdgeConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.user) return next.handle();
    if (!KEY.test(key)) {
      throw new BadRequestException({
        message: 'Idempotency-Key must be 1–200 letters, digits or . _ : -',
        details: [{ field: 'Idempotency-Key', problems: ['malformed'] }],
      });
    }
    this.purgeNowAndThen();
    const actor = request.user.id;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    return from(this.claim(actor, key, requestHash)).pipe(
      mergeMap((stored) => {
        if (stored !== undefined) return of(stored);
        request.idempotencySeed = createHash('sha256')
          .update(`${actor}\n${key}\n${requestHash}`)
          .digest('hex');
        return next.handle().pipe(
          mergeMap((response) =>
            from(this.remember(actor, key, response)).pipe(map(() => response)),
          ),
          catchError((err) =>
            from(this.release(actor, key)).pipe(mergeMap(() => throwError(() => err))),
          ),
        );
      }),
    );
  }

  /**
   * Deletes the keys older than IDEMPOTENCY_KEY_RETENTION_H, at most once a minute, beside the
   * request (not in its way): the table would otherwise keep every answer ever given.
   */
  private purgeNowAndThen(): void {
    if (Date.now() - this.lastPurge < IDEMPOTENCY_PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    this.pool
      .query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [
        this.edge.idempotencyKeyRetentionH,
      ])
      .catch(() => undefined); // tried again a minute later
  }

  /** Undefined when this request now owns the key; otherwise the stored first answer. */
  private async claim(actor: string, key: string, requestHash: string): Promise<unknown> {
    const inserted = await this.pool.query(
      `INSERT INTO idempotency_keys (actor, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (actor, key) DO NOTHING`,
      [actor, key, requestHash],
    );
    if (inserted.rowCount === 1) return undefined;
    // A claim whose process died (or lost Postgres) before answering is taken over.
    const takenOver = await this.pool.query(
      `UPDATE idempotency_keys SET created_at = now()
       WHERE actor = $1 AND key = $2 AND request_hash = $3 AND completed_at IS NULL
         AND created_at < now() - $4::interval`,
      [actor, key, requestHash, TAKEOVER_AFTER],
    );
    if (takenOver.rowCount === 1) return undefined;
    const { rows } = await this.pool.query<{
      request_hash: string;
      response: unknown;
      completed_at: Date | null;
    }>(
      'SELECT request_hash, response, completed_at FROM idempotency_keys WHERE actor = $1 AND key = $2',
      [actor, key],
    );
    const row = rows[0];
    if (!row) return this.claim(actor, key, requestHash); // released in between: try again
    if (row.request_hash !== requestHash) throw new IdempotencyKeyReusedError();
    if (row.completed_at === null) throw new IdempotencyKeyInUseError();
    return row.response;
  }

  private async remember(actor: string, key: string, response: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE idempotency_keys SET response = $3, completed_at = now() WHERE actor = $1 AND key = $2`,
      [actor, key, JSON.stringify(response ?? null)],
    );
  }

  private async release(actor: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE actor = $1 AND key = $2', [
      actor,
      key,
    ]);
  }
}
