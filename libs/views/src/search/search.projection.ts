import { PoolClient } from 'pg';
import { Projection } from '../projection';
import { qualified } from '../sql-identifiers';
import { eventsToApply } from '../stream-batch';
import {
  SEARCHED_DATA_OF,
  SearchChanges,
  parentKeyOf,
  searchedStream,
  workshopKeyOf,
} from './search.documents';
import {
  SEARCH_COLUMNS,
  SEARCH_DOCUMENTS,
  SEARCH_STREAMS,
  SearchDocument,
  searchDocumentsTable,
  searchStreamsTable,
} from './search.table';

/**
 * Search documents from three kinds of stream (follow-ups with their comments, workshops,
 * meeting series). A batch costs a handful of statements: read the stream versions and the
 * documents it builds on, fold in memory, write the documents, move scopes, save the versions.
 */
export const searchProjection: Projection = {
  name: 'search',
  tables: [searchDocumentsTable, searchStreamsTable],
  // Several prefixes: the replay reads every stream, and apply() keeps the three it knows.
  streamPrefix: '',
  readsDataOf: SEARCHED_DATA_OF,
  async apply(events, tx, ctx) {
    const mine = events.filter((e) => searchedStream(e.streamId) !== undefined);
    if (mine.length === 0) return;
    const streamIds = [...new Set(mine.map((e) => e.streamId))];
    const versions = await loadVersions(tx, ctx.schema, streamIds);
    const pending = await eventsToApply(mine, versions, ctx.readStream);
    if (pending.size === 0) return;
    const parents = [
      ...[...pending.keys()].map(parentKeyOf),
      ...[...pending.values()].flat().map(workshopKeyOf),
    ].filter((k): k is string => !!k);
    const changes = new SearchChanges(await loadDocuments(tx, ctx.schema, parents));
    const applied = new Map<string, number>();
    for (const [streamId, list] of pending) {
      for (const e of list) changes.apply(e);
      applied.set(streamId, list[list.length - 1].version);
    }
    await writeDocuments(tx, ctx.schema, [...changes.changed.values()]);
    await moveScopes(tx, ctx.schema, changes);
    await saveVersions(tx, ctx.schema, applied);
  },
};

async function loadVersions(
  tx: PoolClient,
  schema: string,
  streamIds: string[],
): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ stream_id: string; version: number }>(
    `SELECT stream_id, version FROM ${qualified(schema, SEARCH_STREAMS)} WHERE stream_id = ANY($1::text[])`,
    [streamIds],
  );
  return new Map(rows.map((r) => [r.stream_id, r.version]));
}

const FIELDS = Object.keys(SEARCH_COLUMNS) as (keyof SearchDocument)[];

async function loadDocuments(
  tx: PoolClient,
  schema: string,
  keys: string[],
): Promise<Map<string, SearchDocument>> {
  if (keys.length === 0) return new Map();
  const { rows } = await tx.query<Record<string, unknown>>(
    `SELECT ${FIELDS.map((f) => SEARCH_COLUMNS[f]).join(', ')}
     FROM ${qualified(schema, SEARCH_DOCUMENTS)} WHERE doc_key = ANY($1::text[])`,
    [keys],
  );
  return new Map(
    rows.map((r) => {
      const doc = Object.fromEntries(FIELDS.map((f) => [f, r[SEARCH_COLUMNS[f]]])) as Record<
        string,
        unknown
      >;
      doc.changedAt = (r.changed_at as Date).toISOString();
      doc.lastPosition = Number(r.last_position);
      doc.workshopId = r.workshop_id ?? null;
      return [doc.docKey as string, doc as unknown as SearchDocument];
    }),
  );
}

/** One statement for the batch: the documents as JSON, spread into columns by Postgres. */
async function writeDocuments(tx: PoolClient, schema: string, docs: SearchDocument[]) {
  if (docs.length === 0) return;
  const columns = FIELDS.map((f) => SEARCH_COLUMNS[f]);
  await tx.query(
    `INSERT INTO ${qualified(schema, SEARCH_DOCUMENTS)} (${columns.join(', ')})
     SELECT doc_key, kind, item_id, parent_id, number, workshop_id, title, body, scope_host,
       scope_assignee, scope_attendees, changed_at, last_position, classification_level,
       classification_agencies, classification_people
     FROM jsonb_to_recordset($1::jsonb) AS d(doc_key text, kind text, item_id text,
       parent_id text, number integer, workshop_id uuid, title text, body text,
       scope_host text, scope_assignee text, scope_attendees text[], changed_at timestamptz,
       last_position bigint, classification_level text, classification_agencies text[],
       classification_people text[])
     ON CONFLICT (doc_key) DO UPDATE SET ${columns
       .filter((c) => c !== 'doc_key')
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`,
    [
      JSON.stringify(
        docs.map((d) => Object.fromEntries(FIELDS.map((f) => [SEARCH_COLUMNS[f], d[f]]))),
      ),
    ],
  );
}

async function moveScopes(tx: PoolClient, schema: string, changes: SearchChanges) {
  const table = qualified(schema, SEARCH_DOCUMENTS);
  if (changes.assigneeMoves.size > 0) {
    await tx.query(
      `UPDATE ${table} AS d SET scope_assignee = m.assignee
       FROM unnest($1::text[], $2::text[]) AS m(parent, assignee)
       WHERE d.kind = 'comment' AND d.parent_id = m.parent`,
      [[...changes.assigneeMoves.keys()], [...changes.assigneeMoves.values()]],
    );
  }
  for (const [workshopId, c] of changes.classificationMoves) {
    await tx.query(
      `UPDATE ${table} SET classification_level = $2, classification_agencies = $3::text[],
         classification_people = $4::text[]
       WHERE kind IN ('meeting-series', 'meeting') AND workshop_id = $1::uuid`,
      [workshopId, c.classificationLevel, c.classificationAgencies, c.classificationPeople],
    );
  }
  for (const [seriesId, readers] of changes.attendeeMoves) {
    await tx.query(
      `UPDATE ${table} SET scope_attendees = $2::text[] WHERE kind = 'meeting' AND parent_id = $1`,
      [seriesId, readers],
    );
  }
}

async function saveVersions(tx: PoolClient, schema: string, applied: Map<string, number>) {
  await tx.query(
    `INSERT INTO ${qualified(schema, SEARCH_STREAMS)} (stream_id, version)
     SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (stream_id) DO UPDATE SET version = GREATEST(${qualified(schema, SEARCH_STREAMS)}.version, EXCLUDED.version)`,
    [[...applied.keys()], [...applied.values()]],
  );
}
