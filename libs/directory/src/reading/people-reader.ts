import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { PersonRole } from '../domain/decider';
import { DisplayName } from '../domain/events';
import { UUID } from '../domain/validation';

/** A row of `people`: the person as the directory knows them now. */
export interface PersonRecord {
  id: string;
  login: string;
  displayName: DisplayName;
  email: string;
  agency: string;
  roles: PersonRole[];
  active: boolean;
  oidcSubject?: string;
  /** The version of the person's stream (for If-Match). */
  version: number;
  updatedAt: string;
}

/** A row of `delegations`. Active means: not ended early, `startsAt <= at < endsAt`. */
export interface DelegationView {
  id: string;
  fromPerson: string;
  toPerson: string;
  startsAt: string;
  endsAt: string;
  endedAt?: string;
  reason?: string;
}

/** Who held a role at an agency during the moment or the day asked about. */
export interface RoleHolder {
  personId: string;
  login: string;
  displayName: DisplayName;
  role: PersonRole;
  agency: string;
  grantedAt: string;
  revokedAt?: string;
}

/** `on` is an instant, or a calendar day (YYYY-MM-DD) taken in Korea's time zone (UTC+9). */
export type RoleHoldersOn = Date | string;

const KST_OFFSET_MS = 9 * 3_600_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant interval [from, until) that `on` names; undefined when it names none. */
export function periodOf(on: RoleHoldersOn): { from: Date; until: Date } | undefined {
  if (on instanceof Date) {
    return Number.isNaN(on.getTime()) ? undefined : { from: on, until: new Date(on.getTime() + 1) };
  }
  if (DAY.test(on)) {
    const midnightUtc = new Date(`${on}T00:00:00Z`);
    if (Number.isNaN(midnightUtc.getTime()) || midnightUtc.toISOString().slice(0, 10) !== on) {
      return undefined;
    }
    const from = new Date(midnightUtc.getTime() - KST_OFFSET_MS);
    return { from, until: new Date(from.getTime() + 86_400_000) };
  }
  const at = new Date(on);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(on) || Number.isNaN(at.getTime())) return undefined;
  return { from: at, until: new Date(at.getTime() + 1) };
}

const PERSON_COLUMNS = `id, login, display_name_ko, display_name_en, email, agency, roles, active,
  oidc_subject, version, updated_at`;

interface PersonRow {
  id: string;
  login: string;
  display_name_ko: string;
  display_name_en: string;
  email: string;
  agency: string;
  roles: PersonRole[];
  active: boolean;
  oidc_subject: string | null;
  version: number;
  updated_at: Date;
}

interface DelegationRow {
  id: string;
  from_person: string;
  to_person: string;
  starts_at: Date;
  ends_at: Date;
  ended_at: Date | null;
  reason: string | null;
}

/**
 * Reads the directory's tables. They are written in the transaction of each directory command,
 * so what this returns already includes the last command that answered.
 */
@Injectable()
export class PeopleReader {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The person with this login (case does not matter: logins are stored lower-case). */
  async byLogin(
    login: string,
    db: Pool | PoolClient = this.pool,
  ): Promise<PersonRecord | undefined> {
    if (typeof login !== 'string' || login.length > 200) return undefined;
    const { rows } = await db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people WHERE login = $1`,
      [login.trim().toLowerCase()],
    );
    return rows[0] && toPerson(rows[0]);
  }

  /** `lock` (in a transaction): the row is read FOR SHARE, so no change to it commits meanwhile. */
  async byId(
    id: string,
    db: Pool | PoolClient = this.pool,
    options: { lock?: boolean } = {},
  ): Promise<PersonRecord | undefined> {
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    const lock = options.lock ? ' FOR SHARE' : '';
    const { rows } = await db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people WHERE id = $1${lock}`,
      [id],
    );
    return rows[0] && toPerson(rows[0]);
  }

  async byOidcSubject(subject: string): Promise<PersonRecord | undefined> {
    if (typeof subject !== 'string' || subject === '') return undefined;
    const { rows } = await this.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people WHERE oidc_subject = $1`,
      [subject],
    );
    return rows[0] && toPerson(rows[0]);
  }

  /** People, by agency and login; `active` filters when given. */
  async list(
    filter: { agency?: string; active?: boolean } = {},
    db: Pool | PoolClient = this.pool,
  ): Promise<PersonRecord[]> {
    const { rows } = await db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people
       WHERE ($1::text IS NULL OR agency = $1) AND ($2::boolean IS NULL OR active = $2)
       ORDER BY agency, login`,
      [filter.agency ?? null, filter.active ?? null],
    );
    return rows.map(toPerson);
  }

  /** How many active people belong to the agency. */
  async activeIn(agency: string, db: Pool | PoolClient = this.pool): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE agency = $1 AND active',
      [agency],
    );
    return rows[0].n;
  }

  /**
   * The delegation by which `toPerson` may act for `fromPerson` at `at`, if any: granted, not
   * ended early, `startsAt <= at < endsAt` (it ends by itself at `endsAt`), both people active
   * and still of one agency (a move to another agency leaves the delegation without effect).
   */
  async activeDelegation(
    fromPerson: string,
    toPerson: string,
    at: Date = new Date(),
  ): Promise<DelegationView | undefined> {
    if (!UUID.test(fromPerson) || !UUID.test(toPerson)) return undefined;
    const { rows } = await this.pool.query<DelegationRow>(
      `SELECT d.id, d.from_person, d.to_person, d.starts_at, d.ends_at, d.ended_at, d.reason
       FROM delegations d
       JOIN people f ON f.id = d.from_person AND f.active
       JOIN people t ON t.id = d.to_person AND t.active AND t.agency = f.agency
       WHERE d.from_person = $1 AND d.to_person = $2 AND d.ended_at IS NULL
         AND d.starts_at <= $3 AND $3 < d.ends_at
       ORDER BY d.ends_at DESC LIMIT 1`,
      [fromPerson, toPerson, at],
    );
    return rows[0] && toDelegation(rows[0]);
  }

  /**
   * The delegations a person gave or received that are not over at `at` (current and
   * upcoming), soonest first: the caller's "my delegations".
   */
  async delegationsOf(personId: string, at: Date = new Date()): Promise<DelegationView[]> {
    if (!UUID.test(personId)) return [];
    const { rows } = await this.pool.query<DelegationRow>(
      `SELECT id, from_person, to_person, starts_at, ends_at, ended_at, reason FROM delegations
       WHERE (from_person = $1 OR to_person = $1) AND ended_at IS NULL AND ends_at > $2
       ORDER BY starts_at, id`,
      [personId, at],
    );
    return rows.map(toDelegation);
  }

  async delegation(
    id: string,
    db: Pool | PoolClient = this.pool,
  ): Promise<DelegationView | undefined> {
    if (!UUID.test(id)) return undefined;
    const { rows } = await db.query<DelegationRow>(
      `SELECT id, from_person, to_person, starts_at, ends_at, ended_at, reason FROM delegations
       WHERE id = $1`,
      [id],
    );
    return rows[0] && toDelegation(rows[0]);
  }

  /**
   * The auditor's as-of question: who held `role` at `agency` at the instant, or at any time of
   * the day, that `on` names. Answered from `role_periods`, which the log rebuilds.
   */
  async roleHolders(role: PersonRole, agency: string, on: RoleHoldersOn): Promise<RoleHolder[]> {
    const period = periodOf(on);
    if (!period) throw new RangeError('on must be a date (YYYY-MM-DD) or an ISO-8601 date-time');
    const { rows } = await this.pool.query<{
      person_id: string;
      login: string;
      display_name_ko: string;
      display_name_en: string;
      role: PersonRole;
      agency: string;
      granted_at: Date;
      revoked_at: Date | null;
    }>(
      `SELECT r.person_id, p.login, p.display_name_ko, p.display_name_en, r.role, r.agency,
              r.granted_at, r.revoked_at
       FROM role_periods r JOIN people p ON p.id = r.person_id
       WHERE r.role = $1 AND r.agency = $2
         AND r.granted_at < $4 AND (r.revoked_at IS NULL OR r.revoked_at > $3)
       ORDER BY r.granted_at, p.login`,
      [role, agency, period.from, period.until],
    );
    return rows.map((r) => ({
      personId: r.person_id,
      login: r.login,
      displayName: { ko: r.display_name_ko, en: r.display_name_en },
      role: r.role,
      agency: r.agency,
      grantedAt: r.granted_at.toISOString(),
      ...(r.revoked_at ? { revokedAt: r.revoked_at.toISOString() } : {}),
    }));
  }
}

function toPerson(r: PersonRow): PersonRecord {
  return {
    id: r.id,
    login: r.login,
    displayName: { ko: r.display_name_ko, en: r.display_name_en },
    email: r.email,
    agency: r.agency,
    roles: r.roles,
    active: r.active,
    ...(r.oidc_subject !== null ? { oidcSubject: r.oidc_subject } : {}),
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

function toDelegation(r: DelegationRow): DelegationView {
  return {
    id: r.id,
    fromPerson: r.from_person,
    toPerson: r.to_person,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    ...(r.ended_at ? { endedAt: r.ended_at.toISOString() } : {}),
    ...(r.reason !== null ? { reason: r.reason } : {}),
  };
}
