import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search without reading every match (bench/search.bench.ts, issue 15):
 *   - `grams`: the distinct one-character grams of the title and two-character grams of the
 *     document, lower-cased, in a GIN index. A term of one or two characters (a syllable, a
 *     two-syllable Korean word) has no trigram of its own; its gram is in this array exactly
 *     when the text holds it, so the index answers it (pg_bigm's idea on stock Postgres).
 *   - the scope columns and the whole table indexed by `changed_at`: the most recent matches
 *     of a common word are found by walking one of them, stopping at the candidates needed,
 *     instead of collecting every match from the GIN index first.
 * The column is computed from the row, so no rebuild is needed; adding it rewrites the table.
 */
export class SearchGramsAndRecency1765605000000 implements MigrationInterface {
  name = 'SearchGramsAndRecency1765605000000';

  async up(q: QueryRunner): Promise<void> {
    // Immutable, so a generated column may call it. Grams holding white space are left out: a
    // query's terms never hold any.
    await q.query(`CREATE OR REPLACE FUNCTION search_grams(title text, document text)
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
          SELECT substr(t, i, 1) AS g FROM lower(title) AS t, generate_series(1, length(t)) AS i
          UNION ALL
          SELECT substr(d, i, 2) FROM lower(document) AS d, generate_series(1, length(d) - 1) AS i
        ) AS grams WHERE g !~ '\\s'
      $$`);
    await q.query(`ALTER TABLE search_documents ADD COLUMN grams text[] GENERATED ALWAYS AS
      (search_grams(CASE WHEN kind = 'comment' THEN '' ELSE title END,
        CASE WHEN kind = 'comment' THEN body ELSE title || ' ' || body END)) STORED`);
    await q.query('CREATE INDEX search_documents_grams_idx ON search_documents USING gin (grams)');
    await q.query('DROP INDEX search_documents_host_idx');
    await q.query('DROP INDEX search_documents_assignee_idx');
    await q.query(`CREATE INDEX search_documents_host_changed_idx
      ON search_documents (scope_host, changed_at, doc_key)`);
    await q.query(`CREATE INDEX search_documents_assignee_changed_idx
      ON search_documents (scope_assignee, changed_at, doc_key)`);
    await q.query(
      'CREATE INDEX search_documents_changed_idx ON search_documents (changed_at, doc_key)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX search_documents_changed_idx');
    await q.query('DROP INDEX search_documents_assignee_changed_idx');
    await q.query('DROP INDEX search_documents_host_changed_idx');
    await q.query('CREATE INDEX search_documents_host_idx ON search_documents (scope_host)');
    await q.query(
      'CREATE INDEX search_documents_assignee_idx ON search_documents (scope_assignee)',
    );
    await q.query('ALTER TABLE search_documents DROP COLUMN grams');
    await q.query('DROP FUNCTION search_grams(text, text)');
  }
}
