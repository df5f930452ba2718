import { Pool, PoolClient } from 'pg';

export type AuditAction =
  'verify' | 'seal' | 'replay' | 'read_stream' | 'as_of' | 'export' | 'read_access_log';

/** Who is reading: from the caller's JWT (or the CLI's operator). */
export interface Accessor {
  actor: string;
  role: string;
  /** Why the auditor reads it (X-Audit-Reason): required for a classified item, kept in the
   * entry's params. */
  reason?: string;
}

export interface AccessEntry extends Accessor {
  id: number;
  action: AuditAction;
  target: string | null;
  params: Record<string, unknown>;
  at: Date;
}

export interface AccessQuery {
  actor?: string;
  action?: AuditAction;
  since?: Date;
  /** Entries with a smaller id than this (the `next` of the previous page). */
  before?: number;
  /** Default 100, at most 1,000. */
  limit?: number;
}

export interface AccessPage {
  entries: AccessEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: number;
}

interface Row {
  id: string;
  actor: string;
  role: string;
  action: AuditAction;
  target: string | null;
  params: Record<string, unknown>;
  at: Date;
}

/**
 * The append-only record of audit reads (`audit_access_log`: UPDATE, DELETE and TRUNCATE raise).
 * Every audit read records itself here before it returns anything.
 */
export class AccessLog {
  constructor(private readonly db: Pool | PoolClient) {}

  async record(
    who: Accessor,
    action: AuditAction,
    target: string | null = null,
    params: Record<string, unknown> = {},
  ): Promise<AccessEntry> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO audit_access_log (actor, role, action, target, params)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, actor, role, action, target, params, at`,
      [who.actor, who.role, action, target, JSON.stringify(withReason(who, params))],
    );
    return toEntry(rows[0]);
  }

  /**
   * One entry per target, in one statement: a read that took in several items at once (a page
   * of the history with events of several restricted or confidential tasks) names each one.
   */
  async recordEach(
    who: Accessor,
    action: AuditAction,
    reads: { target: string; params: Record<string, unknown> }[],
  ): Promise<void> {
    if (reads.length === 0) return;
    await this.db.query(
      `INSERT INTO audit_access_log (actor, role, action, target, params)
       SELECT $1, $2, $3, r.target, r.params
         FROM unnest($4::text[], $5::jsonb[]) WITH ORDINALITY AS r(target, params, n)
        ORDER BY r.n`,
      [
        who.actor,
        who.role,
        action,
        reads.map((r) => r.target),
        reads.map((r) => JSON.stringify(withReason(who, r.params))),
      ],
    );
  }

  /** Newest first, filtered and keyset-paged by id. */
  async query(q: AccessQuery = {}): Promise<AccessPage> {
    const limit = Math.min(Math.max(Math.trunc(q.limit ?? 100), 1), 1000);
    const { rows } = await this.db.query<Row>(
      `SELECT id, actor, role, action, target, params, at FROM audit_access_log
       WHERE ($1::text IS NULL OR actor = $1)
         AND ($2::text IS NULL OR action = $2)
         AND ($3::timestamptz IS NULL OR at >= $3)
         AND ($4::bigint IS NULL OR id < $4)
       ORDER BY id DESC LIMIT $5`,
      [q.actor ?? null, q.action ?? null, q.since ?? null, q.before ?? null, limit + 1],
    );
    const entries = rows.slice(0, limit).map(toEntry);
    return rows.length > limit ? { entries, next: entries[entries.length - 1].id } : { entries };
  }
}

function withReason(who: Accessor, params: Record<string, unknown>): Record<string, unknown> {
  return who.reason ? { ...params, reason: who.reason } : params;
}

function toEntry(r: Row): AccessEntry {
  return {
    id: Number(r.id),
    actor: r.actor,
    role: r.role,
    action: r.action,
    target: r.target,
    params: r.params,
    at: r.at,
  };
}
