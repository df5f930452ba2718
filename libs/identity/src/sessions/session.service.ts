import { Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { PeopleReader } from '@liaison/directory';
import { AuthenticatedUser, AuthRequest, Coalescer, PG_POOL, UserRole } from '@liaison/platform';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity-config';
import { SecurityEvents, securityStreams, clientOf } from '../security-events/security-events';
import { clearedSessionCookie, sessionCookie, sessionIdOf } from './session-cookie';

/** What a reply must offer to carry the cookie (Fastify's reply has it). */
export interface CookieReply {
  header(name: string, value: string): unknown;
}

/** A live session and its person as they are now (roles and agency read on every request). */
export interface LiveSession {
  /** Hex SHA-256 of the session id: a handle for logs and for ending it, never the credential. */
  handle: string;
  personId: string;
  csrfToken: string;
  login: string;
  name: string;
  agency: string;
  roles: UserRole[];
}

interface SessionRow {
  handle: string;
  person_id: string;
  csrf_token: string;
  live: boolean;
  stale: boolean;
  login: string;
  display_name_ko: string;
  agency: string;
  roles: UserRole[];
  active: boolean;
}

/** Sessions are touched (last_seen_at) at most this often: a write per minute, not per request. */
const TOUCH_EVERY_S = 60;

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Server-side sessions in Postgres (table `sessions`). The cookie holds 32 random bytes; the
 * table holds their SHA-256, so a copy of the table signs nobody in. Each request reads the
 * session and its person in one statement over two primary keys, so a deactivation or a revoked
 * role counts from the very next request; sign-out deletes the row.
 */
@Injectable()
export class SessionService {
  private readonly lookups = new Coalescer<string, SessionRow | undefined>((handles) =>
    this.lookupAll(handles),
  );
  private readonly touching = new Set<string>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly people: PeopleReader,
    private readonly events: SecurityEvents,
  ) {}

  /**
   * Signs the person in: a new session id every time (any session the request's cookie names is
   * ended first, so an id planted before sign-in is worth nothing after it), the cookie set on
   * the reply, `SignedIn` recorded. For the password sign-in and the OIDC callback alike.
   */
  async start(
    person: { id: string },
    request: AuthRequest,
    reply: CookieReply,
    options: { method?: 'password' | 'oidc' } = {},
  ): Promise<{ csrfToken: string }> {
    const record = await this.people.byId(person.id);
    if (!record || !record.active) throw new UnauthorizedException('This account cannot sign in');
    const previous = sessionIdOf(request);
    if (previous !== undefined) await this.endById(previous);
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const client = clientOf(request);
    await this.pool.query(
      `INSERT INTO sessions (id_hash, person_id, csrf_token, expires_at, address, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)`,
      [
        sha256(id),
        record.id,
        csrfToken,
        this.config.sessionAbsoluteTimeoutS,
        client.address ?? null,
        client.userAgent ?? null,
      ],
    );
    // Rows past their absolute end (people who never signed out); the index makes this cheap.
    await this.pool.query('DELETE FROM sessions WHERE expires_at < now()');
    reply.header(
      'set-cookie',
      sessionCookie(id, {
        secure: this.secure(request),
        maxAgeS: this.config.sessionAbsoluteTimeoutS,
      }),
    );
    await this.events.record(
      securityStreams.person(record.id),
      'SignedIn',
      { personId: record.id, method: options.method ?? 'oidc', ...client },
      { id: record.id, role: record.roles[0] ?? ('none' as UserRole), agency: record.agency },
      request,
    );
    return { csrfToken };
  }

  /** The live session the id names, or undefined (unknown, ended, idle or past its end). */
  async lookup(id: string): Promise<LiveSession | undefined> {
    return this.byHandle(sha256(id).toString('hex'));
  }

  /**
   * The live session a handle names (what a request's user carries as `sessionId`), or
   * undefined: for what outlives one request — a live stream, the queue dashboard's session.
   */
  async byHandle(handle: string): Promise<LiveSession | undefined> {
    if (!/^[0-9a-f]{64}$/.test(handle)) return undefined;
    const hash = Buffer.from(handle, 'hex');
    const row = await this.lookups.submit(handle);
    if (!row) return undefined;
    if (!row.live || !row.active) {
      await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [hash]);
      return undefined;
    }
    if (row.stale && !this.touching.has(handle)) {
      // One touch per session however many of its requests saw it stale at once.
      this.touching.add(handle);
      try {
        await this.pool.query('UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1', [
          hash,
        ]);
      } finally {
        this.touching.delete(handle);
      }
    }
    return {
      handle,
      personId: row.person_id,
      csrfToken: row.csrf_token,
      login: row.login,
      name: row.display_name_ko,
      agency: row.agency,
      roles: row.roles,
    };
  }

  /**
   * The sessions (and their people, as they are now) of the lookups that arrived in one turn of
   * the event loop, in one statement: under load a batch forms by itself, so the per-request
   * lookup costs a share of a round trip. Each request is still answered from a read made after
   * it arrived: a sign-out, a deactivation or a revoked role counts from the next request.
   */
  private async lookupAll(
    handles: string[],
  ): Promise<PromiseSettledResult<SessionRow | undefined>[]> {
    const { rows } = await this.pool.query<SessionRow>({
      // Named, so each connection plans it once (planning was two thirds of a lookup's time;
      // through PgBouncer this needs 1.21+ with max_prepared_statements, as the job ledger does).
      name: 'identity-session-lookup',
      text: `SELECT encode(s.id_hash, 'hex') AS handle, s.person_id, s.csrf_token,
              s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2) AS live,
              s.last_seen_at < now() - make_interval(secs => $3) AS stale,
              p.login, p.display_name_ko, p.agency, p.roles, p.active
       FROM sessions s JOIN people p ON p.id = s.person_id
       WHERE s.id_hash = ANY (SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h)`,
      values: [handles, this.config.sessionIdleTimeoutS, TOUCH_EVERY_S],
    });
    const byHandle = new Map(rows.map((r) => [r.handle, r]));
    return handles.map((h) => ({ status: 'fulfilled', value: byHandle.get(h) }));
  }

  async csrfTokenOf(handle: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ csrf_token: string }>(
      'SELECT csrf_token FROM sessions WHERE id_hash = $1',
      [Buffer.from(handle, 'hex')],
    );
    return rows[0]?.csrf_token;
  }

  /** Sign-out: the row is gone at once, the cookie cleared, `SignedOut` recorded. */
  async signOut(
    session: { handle: string; personId: string; role: UserRole; agency?: string },
    request: AuthRequest,
    reply: CookieReply,
  ): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [
      Buffer.from(session.handle, 'hex'),
    ]);
    reply.header('set-cookie', clearedSessionCookie(this.secure(request)));
    await this.events.record(
      securityStreams.person(session.personId),
      'SignedOut',
      { personId: session.personId, ...clientOf(request) },
      { id: session.personId, role: session.role, agency: session.agency },
      request,
    );
  }

  /** Ends every session of a person (or all but one), returning how many ended. */
  async endAllFor(personId: string, exceptHandle?: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM sessions WHERE person_id = $1 AND ($2::bytea IS NULL OR id_hash <> $2)`,
      [personId, exceptHandle === undefined ? null : Buffer.from(exceptHandle, 'hex')],
    );
    return rowCount ?? 0;
  }

  /** An admin ends every session of a person (a lost laptop, a departure): `SessionsEndedByAdmin`. */
  async endAllByAdmin(
    personId: string,
    admin: AuthenticatedUser,
    request: AuthRequest,
  ): Promise<{ sessionsEnded: number }> {
    if (!(await this.people.byId(personId))) throw new NotFoundException(`No person ${personId}`);
    const sessionsEnded = await this.endAllFor(personId);
    await this.events.record(
      securityStreams.person(personId),
      'SessionsEndedByAdmin',
      { personId, by: admin.id, sessionsEnded },
      admin,
      request,
    );
    return { sessionsEnded };
  }

  private async endById(id: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(id)]);
  }

  /** Secure over HTTPS: Fastify's protocol is 'https' on TLS, or per X-Forwarded-Proto from a
   * proxy TRUST_PROXY trusts (never from anyone else). */
  secure(request: AuthRequest): boolean {
    return this.config.sessionCookieSecure === 'always' || request.protocol === 'https';
  }
}
