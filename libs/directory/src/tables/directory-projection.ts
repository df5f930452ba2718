import { PoolClient } from 'pg';
import {
  DataKeys,
  ERASED,
  ERASED_KO,
  holdsSealed,
  masterKeyring,
  openAll,
  sealedRefs,
} from '@liaison/personal-data';
import {
  AgencyEvent,
  AGENCY_EVENT_TYPES,
  DirectoryEvent,
  PersonEvent,
  PERSON_EVENT_TYPES,
} from '../domain/events';
import { assertNever } from '../domain/decider';

/** The part of a stored event the directory's tables are made from. */
export interface ProjectableEvent {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  recordedAt: Date;
}

const DIRECTORY_TYPES = new Set<string>([...AGENCY_EVENT_TYPES, ...PERSON_EVENT_TYPES]);

/**
 * The one definition of how the directory's events fill `agencies`, `people`, `role_periods` and
 * `delegations`. The command path calls it in the transaction of the append (so the next request
 * sees a revoke or a deactivation), and the rebuild replays the whole log through it into
 * temporary tables of the same names (directory-rebuild.ts). Table names are therefore left
 * unqualified: a temporary table shadows the live one of its name.
 */
export async function projectDirectoryEvents(
  events: readonly ProjectableEvent[],
  tx: PoolClient,
): Promise<void> {
  // Personal fields are sealed in the log: the rows take what the keys still open, and the
  // erased mark for a person whose key was destroyed (so a rebuild after erasure writes no name).
  const keys = new DataKeys(tx, masterKeyring());
  // The keys of the whole batch (a rebuild's page) in one statement, not one per person.
  await keys.load(sealedRefs(events.map((e) => e.data)));
  for (const e of events) {
    if (!DIRECTORY_TYPES.has(e.type)) continue;
    const data = holdsSealed(e.data) ? await openAll(keys, e.data) : e.data;
    const event = { type: e.type, data } as DirectoryEvent;
    if (isAgencyEvent(event)) await projectAgencyEvent(event, e, tx);
    else await projectPersonEvent(event, e, tx);
  }
}

function isAgencyEvent(event: DirectoryEvent): event is AgencyEvent {
  return (AGENCY_EVENT_TYPES as readonly string[]).includes(event.type);
}

async function projectAgencyEvent(
  event: AgencyEvent,
  at: ProjectableEvent,
  tx: PoolClient,
): Promise<void> {
  switch (event.type) {
    case 'AgencyRegistered': {
      const { code, name, kind, liaisonAgency } = event.data;
      // An adopted row already exists: it takes the values its event recorded (the same ones).
      await tx.query(
        `INSERT INTO agencies (code, name, kind, active, liaison_agency, updated_at)
         VALUES ($1, $2, $3, true, $4, $5)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
           active = true, liaison_agency = EXCLUDED.liaison_agency, updated_at = EXCLUDED.updated_at`,
        [code, name, kind, liaisonAgency ?? null, at.recordedAt],
      );
      return;
    }
    case 'AgencyUpdated': {
      const { code, name, active, liaisonAgency } = event.data;
      await tx.query(
        `UPDATE agencies SET name = COALESCE($2, name), active = COALESCE($3, active),
           liaison_agency = CASE WHEN $4 THEN $5 ELSE liaison_agency END, updated_at = $6
         WHERE code = $1`,
        [
          code,
          name ?? null,
          active ?? null,
          liaisonAgency !== undefined,
          liaisonAgency ?? null,
          at.recordedAt,
        ],
      );
      return;
    }
    default:
      assertNever(event);
  }
}

async function projectPersonEvent(
  event: PersonEvent,
  at: ProjectableEvent,
  tx: PoolClient,
): Promise<void> {
  const { recordedAt, version } = at;
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, login, displayName, email, agency, roles, oidcSubject } = event.data;
      await tx.query(
        `INSERT INTO people (id, login, display_name_ko, display_name_en, email, agency, roles,
           active, oidc_subject, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $10)`,
        [
          personId,
          login,
          displayName.ko,
          displayName.en,
          email,
          agency,
          roles,
          oidcSubject ?? null,
          version,
          recordedAt,
        ],
      );
      await openPeriods(tx, personId, roles, agency, recordedAt);
      return;
    }
    case 'PersonUpdated': {
      const { personId, displayName, email, agency, oidcSubject } = event.data;
      const { rows } = await tx.query<{ agency: string; roles: string[] }>(
        'SELECT agency, roles FROM people WHERE id = $1',
        [personId],
      );
      await tx.query(
        `UPDATE people SET display_name_ko = COALESCE($2, display_name_ko),
           display_name_en = COALESCE($3, display_name_en), email = COALESCE($4, email),
           agency = COALESCE($5, agency),
           oidc_subject = CASE WHEN $6 THEN $7 ELSE oidc_subject END,
           version = $8, updated_at = $9
         WHERE id = $1`,
        [
          personId,
          displayName?.ko ?? null,
          displayName?.en ?? null,
          email ?? null,
          agency ?? null,
          oidcSubject !== undefined,
          oidcSubject ?? null,
          version,
          recordedAt,
        ],
      );
      // A move to another agency: the roles held at the old one end, the same start at the new.
      const before = rows[0];
      if (agency !== undefined && before && before.agency !== agency) {
        await closePeriods(tx, personId, undefined, recordedAt);
        await openPeriods(tx, personId, before.roles, agency, recordedAt);
      }
      return;
    }
    case 'PersonRoleGranted': {
      const { personId, role, agency } = event.data;
      await tx.query(
        `UPDATE people SET roles = array_append(roles, $2), version = $3, updated_at = $4
         WHERE id = $1`,
        [personId, role, version, recordedAt],
      );
      await openPeriods(tx, personId, [role], agency, recordedAt);
      return;
    }
    case 'PersonRoleRevoked': {
      const { personId, role } = event.data;
      await tx.query(
        `UPDATE people SET roles = array_remove(roles, $2), version = $3, updated_at = $4
         WHERE id = $1`,
        [personId, role, version, recordedAt],
      );
      await closePeriods(tx, personId, role, recordedAt);
      return;
    }
    case 'PersonDeactivated': {
      const { personId } = event.data;
      await tx.query(
        'UPDATE people SET active = false, version = $2, updated_at = $3 WHERE id = $1',
        [personId, version, recordedAt],
      );
      // Roles stay listed on the person (what they held), but nobody holds one while inactive.
      await closePeriods(tx, personId, undefined, recordedAt);
      return;
    }
    case 'PersonErased': {
      // Rows written from the events before it hold the clear name: rewritten to the marks.
      await tx.query(
        `UPDATE people SET display_name_ko = $2, display_name_en = $3, email = $3,
           version = $4, updated_at = $5 WHERE id = $1`,
        [event.data.personId, ERASED_KO, ERASED, version, recordedAt],
      );
      return;
    }
    case 'DelegationGranted': {
      const { delegationId, fromPerson, toPerson, startsAt, endsAt, reason } = event.data;
      await tx.query(
        `INSERT INTO delegations (id, from_person, to_person, starts_at, ends_at, reason)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [delegationId, fromPerson, toPerson, startsAt, endsAt, reason ?? null],
      );
      await touchPerson(tx, fromPerson, version, recordedAt);
      return;
    }
    case 'DelegationEnded': {
      const { delegationId, fromPerson } = event.data;
      await tx.query('UPDATE delegations SET ended_at = $2 WHERE id = $1', [
        delegationId,
        recordedAt,
      ]);
      await touchPerson(tx, fromPerson, version, recordedAt);
      return;
    }
    default:
      assertNever(event);
  }
}

/** The person's row carries the version of its stream, whichever event came last. */
async function touchPerson(tx: PoolClient, id: string, version: number, at: Date): Promise<void> {
  await tx.query('UPDATE people SET version = $2, updated_at = $3 WHERE id = $1', [
    id,
    version,
    at,
  ]);
}

async function openPeriods(
  tx: PoolClient,
  personId: string,
  roles: readonly string[],
  agency: string,
  at: Date,
): Promise<void> {
  if (roles.length === 0) return;
  await tx.query(
    `INSERT INTO role_periods (person_id, role, agency, granted_at)
     SELECT $1, role, $3, $4 FROM unnest($2::text[]) AS role`,
    [personId, roles, agency, at],
  );
}

/** Ends the open periods of one role (or of every role) of the person. */
async function closePeriods(
  tx: PoolClient,
  personId: string,
  role: string | undefined,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE role_periods SET revoked_at = $3
     WHERE person_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR role = $2)`,
    [personId, role ?? null, at],
  );
}
