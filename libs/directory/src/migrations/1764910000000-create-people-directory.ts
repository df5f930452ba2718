import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people directory's read tables (the `agencies` table stays as the follow-up lib made it).
 * All of them are projections of the `agency-<CODE>` and `person-<uuid>` streams, written in the
 * transaction of the append (libs/directory/src/tables/directory-projection.ts) and rebuilt from
 * the log by libs/directory/src/tables/directory-rebuild.ts.
 */
export class CreatePeopleDirectory1764910000000 implements MigrationInterface {
  name = 'CreatePeopleDirectory1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE people (
        id               uuid         PRIMARY KEY,
        login            text         NOT NULL UNIQUE CHECK (login = lower(login)),
        display_name_ko  text         NOT NULL,
        display_name_en  text         NOT NULL,
        email            text         NOT NULL,
        agency           text         NOT NULL REFERENCES agencies (code),
        roles            text[]       NOT NULL,
        active           boolean      NOT NULL DEFAULT true,
        oidc_subject     text         UNIQUE,
        version          integer      NOT NULL,
        updated_at       timestamptz  NOT NULL
      )`);
    await q.query('CREATE INDEX people_by_agency ON people (agency)');
    // Who held which role where, and when: the auditor's as-of question. No foreign key: the
    // table is derived and rebuilt as a whole.
    await q.query(`
      CREATE TABLE role_periods (
        person_id   uuid         NOT NULL,
        role        text         NOT NULL,
        agency      text         NOT NULL,
        granted_at  timestamptz  NOT NULL,
        revoked_at  timestamptz,
        PRIMARY KEY (person_id, role, granted_at),
        CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
      )`);
    await q.query('CREATE INDEX role_periods_by_role ON role_periods (role, agency, granted_at)');
    await q.query(`
      CREATE TABLE delegations (
        id           uuid         PRIMARY KEY,
        from_person  uuid         NOT NULL,
        to_person    uuid         NOT NULL,
        starts_at    timestamptz  NOT NULL,
        ends_at      timestamptz  NOT NULL,
        ended_at     timestamptz,
        reason       text,
        CHECK (starts_at < ends_at)
      )`);
    await q.query('CREATE INDEX delegations_to_person ON delegations (to_person, from_person)');
    await q.query('CREATE INDEX delegations_from_person ON delegations (from_person)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE delegations');
    await q.query('DROP TABLE role_periods');
    await q.query('DROP TABLE people');
  }
}
