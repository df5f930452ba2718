import { Inject, Injectable, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
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
import { classificationCondition, followUpScope } from '../queries/read-scope';
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
const CANDIDATES = 300;
const MAX_QUERY = 100;

/**
 * Search over the documents the caller may read. Matching is `ILIKE '%term%'` for every term
 * of the query (all must match), answered from the trigram index (pg_trgm) when a term has 3
 * characters or more. Postgres' text-search parsers do not split Korean into words, trigrams of
 * characters work for any script.
 *
 * Short terms: Korean words are often two syllables (보안, 위협, 공유), too short for a trigram
 * of their own. Such a term matches the words that start with it (보안, 보안을, 보안 점검) through
 * the word-similarity operator `<%`, which the trigram index answers, not the middle of a longer
 * word (정보보안): a scan of every document for ILIKE alone measured 150 ms at 42,000 documents
 * (bench/search.bench.ts), ten times that at the benchmark's 400,000. A query of one character
 * matches titles only (not comments), since one syllable occurs in nearly every text.
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
    // The read policies as row filters (read-scope.ts): bureau heads read what their agency
    // hosts, officers what is assigned to their agency, both what their agency attends.
    if (scope.kind === 'agency') {
      const agency = p.add(scope.agency);
      const own = scope.column === 'host_agency' ? 'scope_host' : 'scope_assignee';
      where.push(`(${own} = ${agency} OR ${agency} = ANY(scope_attendees))`);
      // A task and its comments answer only if its classification lets the actor read it (the
      // board row holds it; a task the board has not caught up with yet stays hidden).
      const classified = classificationCondition(scope, p, 'b.');
      if (classified) {
        where.push(`(d.kind NOT IN ('follow-up', 'comment') OR EXISTS (
          SELECT 1 FROM ${qualified(this.schema, followUpBoardTable.name)} b
          WHERE b.follow_up_id = (CASE WHEN d.kind = 'comment' THEN d.parent_id ELSE d.item_id END)::uuid
            AND ${classified}))`);
      }
    }
    if (kinds) where.push(`kind = ANY(${p.add(kinds, 'text[]')})`);
    const titleOnly = terms.length === 1 && [...terms[0]].length === 1;
    // A comment's title is its task's: a title-only query leaves it to the task.
    if (titleOnly) where.push(`kind <> 'comment'`);
    for (const term of terms) {
      const pattern = p.add(likePattern(term));
      if (titleOnly) where.push(`title ILIKE ${pattern}`);
      else if ([...term].length >= 3) where.push(`document ILIKE ${pattern}`);
      // Too short for a trigram of its own: the index finds the words that start with it (its
      // padded trigrams "  보", " 보안", "보안 " give a word similarity of 2/3 or more with 보안,
      // 보안을, 보안 점검…), and ILIKE keeps the match exact.
      else where.push(`${p.add(term)} <% document AND document ILIKE ${pattern}`);
    }
    const whole = p.add(terms.join(' '));
    const firstPattern = p.add(likePattern(terms[0]));
    // Rank: a match in the title first, then how closely the query matches a word of the text
    // (pg_trgm word similarity), then the most recently changed. Ranking reads every match, so
    // it is bounded: a query that matches more than CANDIDATES documents ranks the first
    // CANDIDATES found (fetching and ranking 2,000 took 100 ms and more at 400,000 documents,
    // bench/search.bench.ts); a narrower query ranks all it matches.
    // The documents are `d`: a condition with a subquery on another table (the board has a
    // `kind` too) must name their columns as d.…
    const sql = `
      SELECT kind, item_id, parent_id, number, workshop_id::text AS workshop_id, title, body,
        changed_at
      FROM (
        SELECT doc_key, kind, item_id, parent_id, number, workshop_id, title, body, document,
          changed_at
        FROM ${qualified(this.schema, SEARCH_DOCUMENTS)} AS d
        WHERE ${where.join(' AND ')}
        LIMIT ${CANDIDATES}
      ) AS candidates
      ORDER BY (title ILIKE ${firstPattern}) DESC, word_similarity(${whole}, document) DESC,
        changed_at DESC, doc_key
      LIMIT ${p.add(limit + 1, 'int')} OFFSET ${p.add(offset, 'int')}`;
    const { rows } = await this.pool.query<Row>(sql, p.values);
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
