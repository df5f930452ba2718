import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in's own tables, outside the event log: a password hash must be replaceable and
 * forgettable, and the log is append-only (it records only that a password was set or changed).
 * No foreign keys to `people`: that table is a projection the directory may rebuild as a whole.
 */
export class CreateIdentityTables1764920000000 implements MigrationInterface {
  name = 'CreateIdentityTables1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credentials (
        person_id      uuid         PRIMARY KEY,
        password_hash  text         NOT NULL,
        set_at         timestamptz  NOT NULL DEFAULT now(),
        set_by         text         NOT NULL
      )`);
    // The cookie holds a random id; only its SHA-256 is stored, so a copy of this table signs
    // nobody in. A row is deleted when its session ends (the log keeps the sign-out).
    await q.query(`
      CREATE TABLE sessions (
        id_hash       bytea        PRIMARY KEY,
        person_id     uuid         NOT NULL,
        csrf_token    text         NOT NULL,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        last_seen_at  timestamptz  NOT NULL DEFAULT now(),
        expires_at    timestamptz  NOT NULL,
        address       text,
        user_agent    text
      )`);
    await q.query('CREATE INDEX sessions_by_person ON sessions (person_id)');
    await q.query('CREATE INDEX sessions_by_expiry ON sessions (expires_at)');
    await q.query(`
      CREATE TABLE api_keys (
        id             text         PRIMARY KEY,
        secret_hash    bytea        NOT NULL,
        name           text         NOT NULL,
        role           text         NOT NULL,
        agency         text,
        created_by     text         NOT NULL,
        created_at     timestamptz  NOT NULL DEFAULT now(),
        expires_at     timestamptz  NOT NULL,
        revoked_at     timestamptz,
        first_used_at  timestamptz,
        last_used_at   timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_keys');
    await q.query('DROP TABLE sessions');
    await q.query('DROP TABLE credentials');
  }
}
