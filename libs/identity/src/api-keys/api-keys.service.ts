import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Pool } from 'pg';
import {
  AuthenticatedUser,
  AuthRequest,
  Coalescer,
  PG_POOL,
  ROLES,
  UserRole,
} from '@liaison/platform';
import { SecurityEvents, securityStreams } from '../security-events/security-events';
import { hashApiKeySecret, newApiKey, ParsedApiKey } from './api-key-format';

export interface ApiKeyView {
  id: string;
  name: string;
  role: UserRole;
  agency?: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  firstUsedAt?: string;
  lastUsedAt?: string;
}

export interface NewApiKeyInput {
  name: string;
  role: UserRole;
  agency?: string;
  /** ISO-8601; in the future, at most a year ahead. */
  expiresAt: string;
}

/** Why a key is refused (each a 401). */
export type ApiKeyRefusal = 'invalid API key' | 'API key revoked' | 'API key expired';

export type ApiKeyCheck = { user: AuthenticatedUser } | { refused: ApiKeyRefusal };

const MAX_LIFETIME_MS = 366 * 86_400_000;
/** last_used_at is written at most once a minute per key, not on every request. */
const TOUCH_EVERY_S = 60;

interface KeyRow {
  id: string;
  secret_hash: Buffer;
  name: string;
  role: UserRole;
  agency: string | null;
  live: boolean;
  revoked: boolean;
  first: boolean;
  stale: boolean;
}

interface ApiKeyRow {
  id: string;
  name: string;
  role: UserRole;
  agency: string | null;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  first_used_at: Date | null;
  last_used_at: Date | null;
}

const invalid = (field: string, problem: string) =>
  new BadRequestException({
    message: `${field} ${problem}`,
    details: [{ field, problems: [problem] }],
  });

/**
 * API keys for machines: one role and (for heads and officers) one agency each, an expiry,
 * revocable. The secret is shown once, at creation; the table keeps its SHA-256.
 */
@Injectable()
export class ApiKeysService {
  private readonly checks = new Coalescer<string, KeyRow | undefined>((ids) => this.checkAll(ids));
  private readonly touching = new Set<string>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly events: SecurityEvents,
  ) {}

  async create(
    input: NewApiKeyInput,
    admin: AuthenticatedUser,
    request?: AuthRequest,
  ): Promise<ApiKeyView & { key: string }> {
    if (!ROLES.includes(input.role)) throw invalid('role', `must be one of ${ROLES.join(', ')}`);
    const needsAgency = input.role === 'bureau_head' || input.role === 'agency_officer';
    if (needsAgency && !input.agency) throw invalid('agency', `is required for ${input.role}`);
    if (input.agency !== undefined) {
      const { rowCount } = await this.pool.query(
        `SELECT 1 FROM agencies WHERE code = $1 AND active AND kind = 'agency'`,
        [input.agency],
      );
      if (rowCount === 0) throw invalid('agency', 'is not an active agency');
    }
    const expiresAt = new Date(input.expiresAt);
    const now = Date.now();
    if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now) {
      throw invalid('expiresAt', 'must be a date-time in the future');
    }
    if (expiresAt.getTime() - now > MAX_LIFETIME_MS) {
      throw invalid('expiresAt', 'must be at most a year ahead');
    }
    const fresh = newApiKey();
    const { rows } = await this.pool.query<ApiKeyRow>(
      `INSERT INTO api_keys (id, secret_hash, name, role, agency, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        fresh.id,
        hashApiKeySecret(fresh.secret),
        input.name,
        input.role,
        input.agency ?? null,
        admin.id,
        expiresAt,
      ],
    );
    const view = toView(rows[0]);
    await this.events.record(
      securityStreams.apiKey(fresh.id),
      'ApiKeyCreated',
      {
        keyId: fresh.id,
        name: view.name,
        role: view.role,
        ...(view.agency !== undefined && { agency: view.agency }),
        expiresAt: view.expiresAt,
      },
      admin,
      request,
    );
    return { ...view, key: fresh.key };
  }

  async list(): Promise<ApiKeyView[]> {
    const { rows } = await this.pool.query<ApiKeyRow>(
      `SELECT id, name, role, agency, created_by, created_at, expires_at, revoked_at,
              first_used_at, last_used_at
       FROM api_keys ORDER BY created_at DESC, id`,
    );
    return rows.map(toView);
  }

  /** Revoked from the next request on; revoking twice is a no-op (204 again). */
  async revoke(id: string, admin: AuthenticatedUser, request?: AuthRequest): Promise<void> {
    const { rows } = await this.pool.query<{ newly: boolean }>(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
       WHERE id = $1 RETURNING (revoked_at = now()) AS newly`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`No API key ${id}`);
    if (rows[0].newly) {
      await this.events.record(
        securityStreams.apiKey(id),
        'ApiKeyRevoked',
        { keyId: id },
        admin,
        request,
      );
    }
  }

  /** Whether the key is still good (not revoked, not expired), without its secret: for what
   * outlives the request that presented it (the queue dashboard's session). */
  async isLive(id: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ live: boolean }>(
      'SELECT expires_at > now() AND revoked_at IS NULL AS live FROM api_keys WHERE id = $1',
      [id],
    );
    return rows[0]?.live === true;
  }

  /** One primary-key read per request; a write at first use and then at most once a minute. */
  async check(key: ParsedApiKey, request?: AuthRequest): Promise<ApiKeyCheck> {
    const row = await this.checks.submit(key.id);
    if (!row || !timingSafeEqual(row.secret_hash, hashApiKeySecret(key.secret))) {
      return { refused: 'invalid API key' };
    }
    if (row.revoked) return { refused: 'API key revoked' };
    if (!row.live) return { refused: 'API key expired' };
    const user: AuthenticatedUser = {
      id: `key:${key.id}`,
      name: row.name,
      role: row.role,
      ...(row.agency !== null && { agency: row.agency }),
      via: 'api_key',
    };
    if (row.first) await this.firstUse(key.id, user, request);
    else if (row.stale && !this.touching.has(key.id)) {
      this.touching.add(key.id); // one write however many requests saw it stale at once
      try {
        await this.pool.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [key.id]);
      } finally {
        this.touching.delete(key.id);
      }
    }
    return { user };
  }

  /** The keys of the checks made in one turn of the event loop, in one statement (as sessions). */
  private async checkAll(ids: string[]): Promise<PromiseSettledResult<KeyRow | undefined>[]> {
    const { rows } = await this.pool.query<KeyRow>({
      name: 'identity-api-key-check', // planned once per connection, as the session lookup
      text: `SELECT id, secret_hash, name, role, agency, expires_at > now() AS live,
              revoked_at IS NOT NULL AS revoked, first_used_at IS NULL AS first,
              last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2) AS stale
       FROM api_keys WHERE id = ANY ($1::text[])`,
      values: [ids, TOUCH_EVERY_S],
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => ({ status: 'fulfilled', value: byId.get(id) }));
  }

  private async firstUse(
    id: string,
    user: AuthenticatedUser,
    request?: AuthRequest,
  ): Promise<void> {
    // Only the request that flips first_used_at records the event, however many race to it.
    const { rowCount } = await this.pool.query(
      `UPDATE api_keys SET first_used_at = now(), last_used_at = now()
       WHERE id = $1 AND first_used_at IS NULL`,
      [id],
    );
    if (rowCount === 1) {
      await this.events.record(
        securityStreams.apiKey(id),
        'ApiKeyFirstUsed',
        { keyId: id, ...(request?.ip !== undefined && { address: request.ip }) },
        user,
        request,
      );
    }
  }
}

function toView(r: ApiKeyRow): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    ...(r.agency !== null && { agency: r.agency }),
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    ...(r.revoked_at && { revokedAt: r.revoked_at.toISOString() }),
    ...(r.first_used_at && { firstUsedAt: r.first_used_at.toISOString() }),
    ...(r.last_used_at && { lastUsedAt: r.last_used_at.toISOString() }),
  };
}
