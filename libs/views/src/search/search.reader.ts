import { Inject, Injectable, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { inTransaction, PG_POOL } from '@liaison/platform';
import { Actor } from '@liaison/follow-up';
import { subscriptionName } from '../projection';
import { ProjectionFreshness } from '../read-your-writes/projection-freshness';
import { qualified } from '../sql-identifiers';
import { waitUntilFresh } from '../queries/fresh-read';
import {
  PROJECTION_QUERY_OPTIONS,
  ProjectionQueryOptions,
  queryOptions,
} from '../queries/projection-query.options';
import {
  classificationCondition,
  followUpScope,
  hostedClassificationCondition,
} from '../queries/read-scope';
import { followUpBoardTable } from '../board/follow-up-board.table';
import { InvalidReadQueryError } from '../queries/read.errors';
import { SqlParams } from '../queries/sql-params';
import { SEARCH_DOCUMENTS, SEARCH_KINDS, SearchKind } from './search.table';

export const SEARCH_SUBSCRIPTIONS = [subscriptionName('search')];

export interface SearchRequest {
  q: string;
  kind?: SearchKind | readonly SearchKind[];
  limit?: number;
  cursor?: string;
  minPosition?: number;
}

export interface SearchItem {
  kind: SearchKind;
  id: string;
  title: string;
  /** The text around the first match (or the start of the text), one line. */
  snippet: string;
  /** A comment's follow-up. */
  followUpId?: string;
  /** A meeting's series and number. */
  seriesId?: string;
  number?: number;
  workshopId: string | null;
  changedAt: string;
}

export interface SearchPage {
  items: SearchItem[];
  nextCursor: string | null;
  stale: boolean;
}

/** Ranked results cannot page by key; the cursor is an offset, bounded so deep pages stay cheap. */
const MAX_OFFSET = 1000;
/** The most recent matches ranked (and paged through): word similarity costs about 0.1 ms a
 * document on a busy machine, so ranking 300 took 17–35 ms of a query (bench/search.bench.ts). */
const CANDIDATES = 100;
const MAX_QUERY = 100;
/** Postgres' cost of reading a page out of order, relative to the next page's 1 (see search()). */
const RANDOM_PAGE_COST = 1.1;

/**
 * Search over the documents the caller may read. Matching is `ILIKE '%term%'` for every term
 * of the query (all must match), anywhere in the text. A term of 3 characters or more is
 * answered from the trigram index (pg_trgm): Postgres' text-search parsers do not split Korean
 * into words, trigrams of characters work for any script.
 *
 * Short terms: Korean words are often two syllables (보안, 위협, 공유), too short for a trigram of
 * their own. Such a term is answered from the document's two-character grams (`grams`, GIN), so
 * it matches in the middle of a longer word too (정보보안). A term of one character matches titles
 * only (not comments), through the title's one-character grams: one syllable occurs in nearly
 * every text.
 */
@Injectable()
export class SearchReader {
  private readonly schema: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly freshness: ProjectionFreshness,
    @Optional() @Inject(PROJECTION_QUERY_OPTIONS) options?: Partial<ProjectionQueryOptions>,
  ) {
    this.schema = queryOptions(options).schema;
  }

  async search(actor: Actor, request: SearchRequest): Promise<SearchPage> {
    const scope = followUpScope(actor); // refuses admins and system actors (403)
    const terms = queryTerms(request.q);
    const kinds = checkedKinds(request.kind);
    const limit = checkedLimit(request.limit);
    const offset = decodeOffset(request.cursor);
    const { stale } = await waitUntilFresh(
      this.freshness,
      SEARCH_SUBSCRIPTIONS,
      request.minPosition,
    );

    const p = new SqlParams();
    const where: string[] = [];
    for (const term of terms) {
      // ILIKE lowers each text it tests, most of the time of a walk through a recency index; a
      // term without letters that have case matches the same texts with LIKE, which does not.
      if ([...term].length >= 3)
        where.push(`document ${caseless(term) ? 'LIKE' : 'ILIKE'} ${p.add(likePattern(term))}`);
      // Too short for a trigram of its own: the gram array (search_grams) holds a pair of
      // characters exactly when the lower-cased text does, which is what ILIKE '%term%' asks
      // (lower() maps character to character, and terms hold no white space), so its GIN index
      // answers alone; an ILIKE on top cost 5 µs a match. One character occurs in nearly every
      // text: it matches titles only, through the title's one-character grams.
      else where.push(`grams @> ARRAY[lower(${p.add(term)})]`);
    }
    if (kinds) where.push(`kind = ANY(${p.add(kinds, 'text[]')})`);
    // The read policies as row filters (read-scope.ts): bureau heads read what their agency
    // hosts, officers what is assigned to their agency, both what their agency attends. The two
    // ways in are two branches, each of which can walk its own index in recency order.
    const table = qualified(this.schema, SEARCH_DOCUMENTS);
    const branches: string[] = [table];
    if (scope.kind === 'agency') {
      const agency = p.add(scope.agency);
      const own = scope.column === 'host_agency' ? 'scope_host' : 'scope_assignee';
      // The attending agency's documents (meeting series and meetings) are few: they are read
      // by the attendees' GIN index alone and then filtered (OFFSET 0 keeps Postgres from
      // combining that index with the terms' in a bitmap, which read every match of the terms).
      // @>, not = ANY: the GIN index answers only the former.
      branches.splice(
        0,
        1,
        `(SELECT * FROM ${table} WHERE ${own} = ${agency})`,
        `(SELECT * FROM ${table} WHERE scope_attendees @> ARRAY[${agency}]::text[]
          AND ${own} IS DISTINCT FROM ${agency} OFFSET 0)`,
      );
      // A task and its comments answer only if its classification lets the actor read it (the
      // board row holds it; a task the board has not caught up with yet stays hidden: NULL).
      // A scalar subquery, looked up by key for each candidate: as EXISTS inside OR, Postgres
      // hashed the whole board first (100,000 rows, 130 ms and more a query).
      const classified = classificationCondition(scope, p, 'b.');
      if (classified) {
        where.push(`(d.kind NOT IN ('follow-up', 'comment') OR (
          SELECT ${classified} FROM ${qualified(this.schema, followUpBoardTable.name)} b
          WHERE b.follow_up_id = (CASE WHEN d.kind = 'comment' THEN d.parent_id ELSE d.item_id END)::uuid))`);
      }
      // A series and its meetings answer only as their workshop's classification lets the
      // actor read them (the documents carry it).
      where.push(
        `(d.kind NOT IN ('meeting-series', 'meeting') OR ${hostedClassificationCondition(scope, p, 'd.')})`,
      );
    }
    const whole = p.add(terms.join(' '));
    const firstPattern = p.add(likePattern(terms[0]));
    // Candidates are the CANDIDATES most recent matches: Postgres either walks a recency index
    // (of the scope's column, or of the table) and stops when it has them — cheap for a common
    // word, where collecting every match from the GIN index first cost 60–110 ms at 400,000
    // documents — or, for a rarer one, collects the matches from the GIN indexes and sorts them;
    // the statistics of `document` and `grams` tell it which. They are then ranked: a match in
    // the title first, then how closely the query matches a word of the text (pg_trgm word
    // similarity), then the most recent. The documents are `d`: a condition with a subquery on
    // another table (the board has a `kind` too) must name their columns as d.…
    const recent = 'ORDER BY changed_at DESC, doc_key DESC LIMIT ' + CANDIDATES;
    const branchSql = branches.map(
      (documents) => `(
        SELECT doc_key, kind, item_id, parent_id, number, workshop_id, title, body, document,
          changed_at
        FROM ${documents} AS d
        WHERE ${where.join(' AND ')}
        ${recent})`,
    );
    const sql = `
      SELECT kind, item_id, parent_id, number, workshop_id::text AS workshop_id, title, body,
        changed_at
      FROM (
        SELECT * FROM (${branchSql.join(' UNION ALL ')}) AS matches ${branches.length > 1 ? recent : ''}
      ) AS candidates
      ORDER BY (title ILIKE ${firstPattern}) DESC, word_similarity(${whole}, document) DESC,
        changed_at DESC, doc_key DESC
      LIMIT ${p.add(limit + 1, 'int')} OFFSET ${p.add(offset, 'int')}`;
    // The documents are read from memory, where a heap page out of order costs about what the
    // next one does; at Postgres' default (random_page_cost 4, for disks) a rare word's bitmap
    // scan looked dearer than walking 22,000 documents of the recency index, twice its time.
    const rows = await inTransaction(this.pool, async (tx) => {
      await tx.query(`SET LOCAL random_page_cost = ${RANDOM_PAGE_COST}`);
      return (await tx.query<Row>(sql, p.values)).rows;
    });
    const more = rows.length > limit;
    return {
      items: rows.slice(0, limit).map((r) => toItem(r, terms)),
      nextCursor: more && offset + limit < MAX_OFFSET ? encodeOffset(offset + limit) : null,
      stale,
    };
  }
}

interface Row {
  kind: SearchKind;
  item_id: string;
  parent_id: string | null;
  number: number | null;
  workshop_id: string | null;
  title: string;
  body: string;
  changed_at: Date;
}

function toItem(r: Row, terms: string[]): SearchItem {
  const base = {
    kind: r.kind,
    id: r.item_id,
    title: r.title,
    snippet: snippet(r.body || r.title, terms),
    workshopId: r.workshop_id,
    changedAt: r.changed_at.toISOString(),
  };
  if (r.kind === 'comment' && r.parent_id) return { ...base, followUpId: r.parent_id };
  if (r.kind === 'meeting' && r.number !== null)
    return { ...base, seriesId: r.item_id, number: r.number };
  return base;
}

/** Up to ~120 characters around the first term found, on one line. */
export function snippet(text: string, terms: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const at =
    terms
      .map((t) => lower.indexOf(t.toLowerCase()))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0] ?? 0;
  const chars = [...flat];
  // index in UTF-16 units → in characters (Hangul is one unit each; astral symbols are two)
  const startChar = Math.max(0, [...flat.slice(0, at)].length - 40);
  const cut = chars.slice(startChar, startChar + 120).join('');
  return `${startChar > 0 ? '…' : ''}${cut}${startChar + 120 < chars.length ? '…' : ''}`;
}

/** The query's terms: split on white space, at most 8, each at most 100 characters. */
export function queryTerms(q: unknown): string[] {
  if (typeof q !== 'string') throw new InvalidReadQueryError('q', 'is required');
  const trimmed = q.normalize('NFC').trim();
  if (trimmed.length === 0) throw new InvalidReadQueryError('q', 'must not be empty');
  if (trimmed.length > MAX_QUERY)
    throw new InvalidReadQueryError('q', `must be at most ${MAX_QUERY} characters`);
  const terms = [...new Set(trimmed.split(/\s+/))];
  if (terms.length > 8) throw new InvalidReadQueryError('q', 'must have at most 8 words');
  return terms;
}

/**
 * Whether a term holds only characters that no lower-casing changes or produces (Hangul, Han
 * ideographs, ASCII digits). ILIKE is LIKE on the lower-cased text and pattern (Postgres'
 * like.c), so for such a term the two match the same texts. Other scripts keep ILIKE: a letter
 * with case may be the lower case of another (the Kelvin sign lowers to k).
 */
export function caseless(term: string): boolean {
  return /^[\p{Script=Hangul}\p{Script=Han}0-9]+$/u.test(term);
}

/** A term as a LIKE pattern that matches it literally anywhere. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function checkedKinds(kind: SearchRequest['kind']): SearchKind[] | undefined {
  if (kind === undefined) return undefined;
  const list = Array.isArray(kind) ? [...kind] : [kind as SearchKind];
  if (list.length === 0 || list.some((k) => !SEARCH_KINDS.includes(k))) {
    throw new InvalidReadQueryError('kind', `must be among ${SEARCH_KINDS.join(', ')}`);
  }
  return list;
}

function checkedLimit(limit: number | undefined): number {
  if (limit === undefined) return 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw new InvalidReadQueryError('limit', 'must be an integer from 1 to 50');
  return limit;
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= MAX_OFFSET) return o;
  } catch {
    // fall through: not a cursor this API issued
  }
  throw new InvalidReadQueryError('cursor', 'is not a cursor this API issued');
}
