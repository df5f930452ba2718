import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A meeting series and its meetings are narrowed in search like their workshop: the documents
 * carry the workshop's classification (level and names). Workshops were classified before this
 * column existed, so the series and meetings of each workshop whose latest classifying event
 * is not public take its classification from the log; a disposed one (a tombstone) reads as
 * restricted to no agency, as every reader that cannot determine a classification does. The
 * defaults are dropped afterwards so the table matches its definition (search.table.ts). The
 * index finds a workshop's series and meetings when its classification changes.
 */
export class SearchSeriesClassification1765700014000 implements MigrationInterface {
  name = 'SearchSeriesClassification1765700014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_documents
      ADD COLUMN classification_level text NOT NULL DEFAULT 'public',
      ADD COLUMN classification_agencies text[] NOT NULL DEFAULT '{}',
      ADD COLUMN classification_people text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE search_documents d SET
        classification_level = CASE WHEN w.c->>'level' IN ('restricted', 'confidential')
          THEN w.c->>'level' ELSE 'restricted' END,
        classification_agencies = CASE WHEN jsonb_typeof(w.c->'agencies') = 'array'
          THEN ARRAY(SELECT jsonb_array_elements_text(w.c->'agencies')) ELSE '{}' END,
        classification_people = CASE WHEN jsonb_typeof(w.c->'people') = 'array'
          THEN ARRAY(SELECT jsonb_array_elements_text(w.c->'people')) ELSE '{}' END
      FROM (
        SELECT DISTINCT ON (stream_id) substr(stream_id, length('workshop-') + 1) AS workshop_id,
          data->'classification' AS c, data ? '$disposed' AS disposed
        FROM events
        WHERE stream_id LIKE 'workshop-%'
          AND type IN ('WorkshopHeld', 'WorkshopClassificationChanged')
        ORDER BY stream_id, version DESC
      ) w
      WHERE d.kind IN ('meeting-series', 'meeting') AND d.workshop_id::text = w.workshop_id
        AND (w.disposed OR (w.c IS NOT NULL AND w.c->>'level' IS DISTINCT FROM 'public'))`);
    await q.query(`CREATE INDEX search_documents_series_workshop_idx ON search_documents
      (workshop_id) WHERE kind IN ('meeting-series', 'meeting')`);
    await q.query(`ALTER TABLE search_documents
      ALTER COLUMN classification_level DROP DEFAULT,
      ALTER COLUMN classification_agencies DROP DEFAULT,
      ALTER COLUMN classification_people DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX search_documents_series_workshop_idx');
    await q.query(`ALTER TABLE search_documents DROP COLUMN classification_people,
      DROP COLUMN classification_agencies, DROP COLUMN classification_level`);
  }
}
