import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search (GET /v1/search): pg_trgm (a contrib extension, trusted, so the database owner may
 * create it) and the search projection's tables. Frozen as it ran: view-tables.int-spec holds
 * these tables to their definition in search/search.table.ts. The rows fill from the log on the
 * next start of the projection runners (a new subscription starts at the beginning), or at once
 * with `npm run projections:rebuild search`.
 */
export class CreateSearchDocuments1765120000000 implements MigrationInterface {
  name = 'CreateSearchDocuments1765120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`CREATE TABLE IF NOT EXISTS search_documents (
      doc_key text PRIMARY KEY,
      kind text NOT NULL,
      item_id text NOT NULL,
      parent_id text,
      number integer,
      workshop_id uuid,
      title text NOT NULL,
      body text NOT NULL,
      document text GENERATED ALWAYS AS (title || ' ' || body) STORED,
      scope_host text,
      scope_assignee text,
      scope_attendees text[] NOT NULL,
      changed_at timestamptz NOT NULL,
      last_position bigint NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS search_documents_trgm_idx
      ON search_documents USING gin (document gin_trgm_ops)`);
    await q.query(
      'CREATE INDEX IF NOT EXISTS search_documents_host_idx ON search_documents (scope_host)',
    );
    await q.query(
      'CREATE INDEX IF NOT EXISTS search_documents_assignee_idx ON search_documents (scope_assignee)',
    );
    await q.query(`CREATE INDEX IF NOT EXISTS search_documents_attendees_idx
      ON search_documents USING gin (scope_attendees)`);
    await q.query(
      'CREATE INDEX IF NOT EXISTS search_documents_parent_idx ON search_documents (parent_id)',
    );
    await q.query(`CREATE TABLE IF NOT EXISTS search_streams (
      stream_id text PRIMARY KEY,
      version integer NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search_streams');
    await q.query('DROP TABLE search_documents');
  }
}
