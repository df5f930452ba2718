import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency directory: reference data that commands validate against. Counterparts take part
 * in workshops but never log in; their work goes to the agency owning the relationship.
 */
export class CreateAgencyDirectory1764350000000 implements MigrationInterface {
  name = 'CreateAgencyDirectory1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        code            text         PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
        name            text         NOT NULL,
        kind            text         NOT NULL CHECK (kind IN ('agency', 'counterpart')),
        active          boolean      NOT NULL DEFAULT true,
        liaison_agency  text         REFERENCES agencies (code),
        updated_at      timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO agencies (code, name, kind) VALUES
        ('MSIT',  'Ministry of Science and ICT', 'agency'),
        ('MOFA',  'Ministry of Foreign Affairs', 'agency'),
        ('NIS',   'National Intelligence Service', 'agency'),
        ('FSC',   'Financial Services Commission', 'agency'),
        ('NAISC', 'National AI Strategy Committee', 'agency'),
        ('AISI',  'AI Safety Institute', 'agency'),
        ('KISA',  'Korea Internet & Security Agency', 'agency'),
        ('FSI',   'Financial Security Institute', 'agency'),
        ('OPENAI',    'OpenAI', 'counterpart'),
        ('ANTHROPIC', 'Anthropic', 'counterpart')`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        actor         text         NOT NULL,
        key           text         NOT NULL,
        request_hash  text         NOT NULL,
        response      jsonb,
        completed_at  timestamptz,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
    await q.query('DROP TABLE agencies');
  }
}
