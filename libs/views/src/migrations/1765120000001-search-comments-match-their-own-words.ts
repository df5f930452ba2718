import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A comment's search document matches its own words only (its task's title belongs to the
 * task's document: with it, a query for a title answered the task and each of its comments).
 * The tables are a projection's, so they are made anew and the search subscription starts over
 * from the beginning of the log (its checkpoint removed); the runners refill them.
 */
export class SearchCommentsMatchTheirOwnWords1765120000001 implements MigrationInterface {
  name = 'SearchCommentsMatchTheirOwnWords1765120000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS search_documents');
    await q.query('DROP TABLE IF EXISTS search_streams');
    await q.query(`DELETE FROM subscription_checkpoints WHERE name = 'projection:search'`);
    await q.query(`CREATE TABLE search_documents (
      doc_key text PRIMARY KEY,
      kind text NOT NULL,
      item_id text NOT NULL,
      parent_id text,
      number integer,
      workshop_id uuid,
      title text NOT NULL,
      body text NOT NULL,
      document text GENERATED ALWAYS AS
        (CASE WHEN kind = 'comment' THEN body ELSE title || ' ' || body END) STORED,
      scope_host text,
      scope_assignee text,
      scope_attendees text[] NOT NULL,
      changed_at timestamptz NOT NULL,
      last_position bigint NOT NULL
    )`);
    await q.query(`CREATE INDEX search_documents_trgm_idx
      ON search_documents USING gin (document gin_trgm_ops)`);
    await q.query('CREATE INDEX search_documents_host_idx ON search_documents (scope_host)');
    await q.query(
      'CREATE INDEX search_documents_assignee_idx ON search_documents (scope_assignee)',
    );
    await q.query(`CREATE INDEX search_documents_attendees_idx
      ON search_documents USING gin (scope_attendees)`);
    await q.query('CREATE INDEX search_documents_parent_idx ON search_documents (parent_id)');
    await q.query(`CREATE TABLE search_streams (
      stream_id text PRIMARY KEY,
      version integer NOT NULL
    )`);
  }

  async down(): Promise<void> {
    // The previous definition differs only in what a comment matches: nothing to undo.
  }
}
