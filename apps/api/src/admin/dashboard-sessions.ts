import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CredentialRecheck } from '@liaison/identity';
import { AuthenticatedUser, REDIS } from '@liaison/platform';

/** What the sessions need of Redis (a single server or a Cluster). */
interface SessionRedis {
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
}

export interface DashboardSessionStore {
  open(user: AuthenticatedUser, seconds: number): Promise<string>;
  find(id: string): Promise<AuthenticatedUser | undefined>;
  close(id: string): Promise<void>;
}

/** 256 random bits, base64url: the only form of id the store ever looks up. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
const KEY = 'liaison:dashboard-session:';

/**
 * The dashboard's browser sessions: an opaque random id in the cookie, the admin it belongs to
 * in Redis with a TTL, shared by every API process. The cookie used to hold the admin's JWT,
 * which then worked as a bearer token anywhere if it leaked from the browser.
 *
 * The stored admin is only who opened it: every request asks again whether the credential
 * they opened it with still holds (the API session not signed out, the key not revoked, the
 * person active) and with which roles now, so the dashboard ends with the credential.
 */
@Injectable()
export class DashboardSessions implements DashboardSessionStore {
  constructor(
    @Inject(REDIS) private readonly redis: SessionRedis,
    private readonly recheck: CredentialRecheck,
  ) {}

  async open(user: AuthenticatedUser, seconds: number): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.redis.set(KEY + id, JSON.stringify(user), 'EX', seconds);
    return id;
  }

  async find(id: string): Promise<AuthenticatedUser | undefined> {
    if (!SESSION_ID.test(id)) return undefined;
    const stored = await this.redis.get(KEY + id);
    if (stored === null) return undefined;
    const current = await this.recheck.current(JSON.parse(stored) as AuthenticatedUser);
    if (!current) await this.redis.del(KEY + id);
    return current;
  }

  async close(id: string): Promise<void> {
    if (SESSION_ID.test(id)) await this.redis.del(KEY + id);
  }
}
