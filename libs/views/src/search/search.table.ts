import { qualified } from '../sql-identifiers';
import { ClassificationLevel } from '@liaison/follow-up';
import { ProjectionTable } from '../projection';

/**
 * The search documents: one row per follow-up, comment, workshop, meeting series and held
 * meeting, with the agencies that may read it. Defined here once (not through viewTable: it
 * needs a GIN trigram index and an array column viewTable does not describe); the live tables
 * come from migrations 1765120000000, 1765120000001, 1765605000000 and 1765700012100, which view-tables.int-spec holds to these definitions.
 *
 * Scope columns mirror the read policies (read-scope.ts): `scope_host` is the agency whose
 * bureau heads read the row (the workshop's host), `scope_assignee` the agency whose officers
 * read it (a task's current assignee, for the task and its comments), `scope_attendees` the
 * agencies whose people read it (a meeting series' attending agencies). The classification
 * columns narrow a meeting series and its meetings like their workshop (its level and names,
 * kept as the workshop changes them); other kinds are public here (a task's classification is
 * read from the board row, and only the host's bureau heads read a workshop).
 */
export const SEARCH_DOCUMENTS = 'search_documents';
export const SEARCH_STREAMS = 'search_streams';

export type SearchKind = 'follow-up' | 'comment' | 'workshop' | 'meeting-series' | 'meeting';
export const SEARCH_KINDS: readonly SearchKind[] = [
  'follow-up',
  'comment',
  'workshop',
  'meeting-series',
  'meeting',
];

export interface SearchDocument {
  docKey: string;
  kind: SearchKind;
  itemId: string;
  /** A comment's follow-up, a meeting's series. */
  parentId: string | null;
  /** A meeting's number in its series. */
  number: number | null;
  workshopId: string | null;
  title: string;
  body: string;
  scopeHost: string | null;
  scopeAssignee: string | null;
  scopeAttendees: string[];
  changedAt: string;
  lastPosition: number;
  classificationLevel: ClassificationLevel;
  classificationAgencies: string[];
  classificationPeople: string[];
}

/** Column order of the table; the projection writes them by these names. */
export const SEARCH_COLUMNS: Record<keyof SearchDocument, string> = {
  docKey: 'doc_key',
  kind: 'kind',
  itemId: 'item_id',
  parentId: 'parent_id',
  number: 'number',
  workshopId: 'workshop_id',
  title: 'title',
  body: 'body',
  scopeHost: 'scope_host',
  scopeAssignee: 'scope_assignee',
  scopeAttendees: 'scope_attendees',
  changedAt: 'changed_at',
  lastPosition: 'last_position',
  classificationLevel: 'classification_level',
  classificationAgencies: 'classification_agencies',
  classificationPeople: 'classification_people',
};

/** What a query matches: a comment its own words (its task's title is the task's to match, or
 * every comment would answer a query for the title), anything else its title and text. */
const DOCUMENT = `CASE WHEN kind = 'comment' THEN body ELSE title || ' ' || body END`;

/** The grams of one and two characters that short terms are matched by (search.reader.ts): one
 * character matches titles only, and a comment's title is its task's. `search_grams` is created
 * by migration 1765605000000 (a generated column may not read another, hence DOCUMENT again). */
const GRAMS = `search_grams(CASE WHEN kind = 'comment' THEN '' ELSE title END, ${DOCUMENT})`;

/** The statistics target of `document` (migration 1765700012100): see createIndexes. */
const DOCUMENT_STATISTICS = 1000;

export const searchDocumentsTable: ProjectionTable = {
  name: SEARCH_DOCUMENTS,
  keyColumn: 'doc_key',
  createTable: (schema) => `CREATE TABLE ${qualified(schema, SEARCH_DOCUMENTS)} (
  doc_key text PRIMARY KEY,
  kind text NOT NULL,
  item_id text NOT NULL,
  parent_id text,
  number integer,
  workshop_id uuid,
  title text NOT NULL,
  body text NOT NULL,
  document text GENERATED ALWAYS AS (${DOCUMENT}) STORED,
  scope_host text,
  scope_assignee text,
  scope_attendees text[] NOT NULL,
  changed_at timestamptz NOT NULL,
  last_position bigint NOT NULL,
  grams text[] GENERATED ALWAYS AS (${GRAMS}) STORED,
  classification_level text NOT NULL,
  classification_agencies text[] NOT NULL,
  classification_people text[] NOT NULL
)`,
  createIndexes: (schema) => {
    const t = qualified(schema, SEARCH_DOCUMENTS);
    return [
      // ILIKE '%…%' on the trigram index: Korean has no word stemming in Postgres' parsers,
      // trigrams of the characters work for any script. The scope columns beside them
      // (btree_gin): the matches of a rare word in a scope are one bitmap scan.
      `CREATE INDEX IF NOT EXISTS search_documents_scope_trgm_idx ON ${t} USING gin (scope_host, scope_assignee, document gin_trgm_ops)`,
      `CREATE INDEX IF NOT EXISTS search_documents_scope_grams_idx ON ${t} USING gin (scope_host, scope_assignee, grams)`,
      // the most recent matches of a common term, found by walking these and stopping early
      `CREATE INDEX IF NOT EXISTS search_documents_host_changed_idx ON ${t} (scope_host, changed_at, doc_key)`,
      `CREATE INDEX IF NOT EXISTS search_documents_assignee_changed_idx ON ${t} (scope_assignee, changed_at, doc_key)`,
      `CREATE INDEX IF NOT EXISTS search_documents_changed_idx ON ${t} (changed_at, doc_key)`,
      `CREATE INDEX IF NOT EXISTS search_documents_attendees_idx ON ${t} USING gin (scope_attendees)`,
      // Not an index, but read with them (the ANALYZE after them uses it): how often a word
      // occurs is estimated from a histogram of the texts, which at 100 cannot tell a word in
      // 0.3 % of the documents from one in 2 %; Postgres then walked a recency index through
      // 70,000 documents for it. 1,000 cost 0.4–4 ms of planning at a load of 16.
      `ALTER TABLE ${t} ALTER COLUMN document SET STATISTICS ${DOCUMENT_STATISTICS}`,
      // a reassignment moves its comments' scope; a series' new attendee its meetings'
      `CREATE INDEX IF NOT EXISTS search_documents_parent_idx ON ${t} (parent_id)`,
      // a workshop's new classification moves its series' and meetings'
      `CREATE INDEX IF NOT EXISTS search_documents_series_workshop_idx ON ${t} (workshop_id) WHERE kind IN ('meeting-series', 'meeting')`,
    ];
  },
};

/** The version of each stream the documents reflect: events at or below it are skipped. */
export const searchStreamsTable: ProjectionTable = {
  name: SEARCH_STREAMS,
  keyColumn: 'stream_id',
  createTable: (schema) => `CREATE TABLE ${qualified(schema, SEARCH_STREAMS)} (
  stream_id text PRIMARY KEY,
  version integer NOT NULL
)`,
  createIndexes: () => [],
};
