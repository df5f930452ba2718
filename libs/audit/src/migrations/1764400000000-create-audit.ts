import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit tables. Seals are signed statements over the global log (the signature, not the table,
 * is what makes them trustworthy: anyone with database access could disable a trigger). The
 * access log records every audit read. Both are append-only: UPDATE, DELETE and TRUNCATE raise.
 */
export class CreateAudit1764400000000 implements MigrationInterface {
  name = 'CreateAudit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TABLE audit_seals (
        seal_id               bigint       PRIMARY KEY CHECK (seal_id > 0),
        previous_seal_id      bigint       REFERENCES audit_seals (seal_id),
        previous_merkle_root  text,
        up_to_transaction_id  xid8         NOT NULL,
        up_to_position        bigint       NOT NULL,
        event_count           bigint       NOT NULL CHECK (event_count >= 0),
        segment_count         bigint       NOT NULL CHECK (segment_count > 0),
        merkle_root           text         NOT NULL,
        sealed_at             timestamptz  NOT NULL,
        key_id                text         NOT NULL,
        signature             text         NOT NULL,
        frontier              bytea        NOT NULL,
        CHECK ((seal_id = 1) = (previous_seal_id IS NULL)),
        CHECK (previous_seal_id IS NULL OR previous_seal_id = seal_id - 1)
      )`);
    await q.query(`
      CREATE TABLE audit_seal_leaves (
        seal_id  bigint  PRIMARY KEY REFERENCES audit_seals (seal_id),
        leaves   bytea   NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_access_log (
        id      bigserial    PRIMARY KEY,
        actor   text         NOT NULL,
        role    text         NOT NULL,
        action  text         NOT NULL,
        target  text,
        params  jsonb        NOT NULL DEFAULT '{}',
        at      timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_access_log_actor_idx ON audit_access_log (actor, id)`);
    await q.query(`CREATE INDEX audit_access_log_action_idx ON audit_access_log (action, id)`);
    for (const table of ['audit_seals', 'audit_seal_leaves', 'audit_access_log']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_access_log`);
    await q.query(`DROP TABLE audit_seal_leaves`);
    await q.query(`DROP TABLE audit_seals`);
    await q.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
