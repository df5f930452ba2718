import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search's GIN indexes hold the scope columns beside the trigrams and grams (btree_gin, in
 * contrib like pg_trgm): a bureau head's or an officer's rare word is one bitmap scan of the
 * matches in their scope, where a host's 200,000 documents were a second bitmap, ANDed (170 ms),
 * or filtered after reading every match of the word (bench/search.bench.ts, issue 15). A query
 * on the text alone (an auditor's) reads the same index. The columns are the row's own: no
 * rebuild is needed. And a finer histogram of the texts, so a rare word is estimated as rare.
 */
export class SearchScopedGin1765700012100 implements MigrationInterface {
  name = 'SearchScopedGin1765700012100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await q.query(`CREATE INDEX search_documents_scope_trgm_idx ON search_documents
      USING gin (scope_host, scope_assignee, document gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_documents_scope_grams_idx ON search_documents
      USING gin (scope_host, scope_assignee, grams)`);
    await q.query('DROP INDEX search_documents_trgm_idx');
    await q.query('DROP INDEX search_documents_grams_idx');
    // A word's frequency is estimated from a histogram of the texts: at 100 it could not tell a
    // word in 0.3 % of them from one in 2 % (search.table.ts, createIndexes).
    await q.query('ALTER TABLE search_documents ALTER COLUMN document SET STATISTICS 1000');
    await q.query('ANALYZE search_documents');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE search_documents ALTER COLUMN document SET STATISTICS -1');
    await q.query(`CREATE INDEX search_documents_trgm_idx ON search_documents
      USING gin (document gin_trgm_ops)`);
    await q.query('CREATE INDEX search_documents_grams_idx ON search_documents USING gin (grams)');
    await q.query('DROP INDEX search_documents_scope_grams_idx');
    await q.query('DROP INDEX search_documents_scope_trgm_idx');
  }
}
