import { Inject, Injectable, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { Actor, FollowUpStatus, SourceKind } from '@liaison/follow-up';
import { isLowerCaseUuid } from '../../event-data';
import { qualified } from '../../sql-identifiers';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor';
import {
  PROJECTION_QUERY_OPTIONS,
  ProjectionQueryOptions,
  queryOptions,
} from '../projection-query.options';
import { WorkshopScope, workshopScope } from '../read-scope';
import { InvalidReadQueryError } from '../read.errors';
import { SqlParams } from '../sql-params';
import { StatusCounts, emptyStatusCounts, shareDone, totalOf } from '../status-counts';
import { FollowUpProgress, SourceProgress, WorkshopProgressView } from './workshop-progress.view';

interface WorkshopRecord {
  workshop_id: string;
  title: string;
  host_agency: string;
  held_on: string;
  counterparts: string[];
  attending_agencies: string[];
  version: number;
}

const WORKSHOP_COLUMNS = `workshop_id, title, host_agency, held_on::text AS held_on, counterparts,
  attending_agencies, version`;

/** Workshops with their sources, and follow-up counts taken from the board at read time. */
@Injectable()
export class WorkshopReader {
  private readonly schema: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Optional() @Inject(PROJECTION_QUERY_OPTIONS) options?: Partial<ProjectionQueryOptions>,
  ) {
    this.schema = queryOptions(options).schema;
  }

  async one(actor: Actor, workshopId: string): Promise<WorkshopProgressView | null> {
    const scope = workshopScope(actor);
    if (scope.kind === 'none' || !isLowerCaseUuid(workshopId.toLowerCase())) return null;
    const p = new SqlParams();
    const where = [`workshop_id = ${p.add(workshopId, 'uuid')}`, ...scopeConditions(p, scope)];
    const { rows } = await this.pool.query<WorkshopRecord>(
      `SELECT ${WORKSHOP_COLUMNS} FROM ${this.table('workshop_progress')}
       WHERE ${where.join(' AND ')}`,
      p.values,
    );
    return rows[0] ? (await this.withProgress(scope, rows))[0] : null;
  }

  /** Most recently held first; keyset pages on (held_on, workshop_id). */
  async page(
    actor: Actor,
    params: { hostAgency?: string; cursor?: string; limit?: number },
  ): Promise<{ items: WorkshopProgressView[]; nextCursor: string | null }> {
    const scope = workshopScope(actor);
    if (scope.kind === 'none') return { items: [], nextCursor: null };
    const limit = pageLimit(params.limit);
    const p = new SqlParams();
    const where = scopeConditions(p, scope);
    if (params.hostAgency !== undefined) where.push(`host_agency = ${p.add(params.hostAgency)}`);
    if (params.cursor) {
      const c = decodeCursor(params.cursor, 'heldOn:desc');
      if (
        typeof c.key !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(c.key) ||
        !isLowerCaseUuid(c.id)
      ) {
        throw new InvalidReadQueryError('cursor', 'is not a cursor this API issued');
      }
      where.push(`(held_on, workshop_id) < (${p.add(c.key, 'date')}, ${p.add(c.id, 'uuid')})`);
    }
    const { rows } = await this.pool.query<WorkshopRecord>(
      `SELECT ${WORKSHOP_COLUMNS} FROM ${this.table('workshop_progress')}
       WHERE ${where.length > 0 ? where.join(' AND ') : 'true'}
       ORDER BY held_on DESC, workshop_id DESC
       LIMIT ${p.add(limit + 1, 'int')}`,
      p.values,
    );
    const more = rows.length > limit;
    const served = more ? rows.slice(0, limit) : rows;
    const last = served[served.length - 1];
    return {
      items: await this.withProgress(scope, served),
      nextCursor: more
        ? encodeCursor({ sort: 'heldOn:desc', key: last.held_on, id: last.workshop_id })
        : null,
    };
  }

  private table(name: string): string {
    return qualified(this.schema, name);
  }

  /** Two statements for the whole page: the sources, and the board counts by source. */
  private async withProgress(
    scope: WorkshopScope,
    rows: WorkshopRecord[],
  ): Promise<WorkshopProgressView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.workshop_id);
    const sources = await this.pool.query<{
      workshop_id: string;
      source_id: string;
      source_kind: SourceKind;
      summary: string;
      agency: string;
      due_date: string | null;
    }>(
      `SELECT workshop_id, source_id, source_kind, summary, agency, due_date::text AS due_date
       FROM ${this.table('workshop_progress_sources')}
       WHERE workshop_id = ANY($1::uuid[]) ORDER BY workshop_id, version, source_id`,
      [ids],
    );
    const p = new SqlParams();
    const where = [`workshop_id = ANY(${p.add(ids, 'uuid[]')})`];
    // Counts follow the follow-up policy too: a bureau head counts what their agency hosts.
    if (scope.kind === 'host') where.push(`host_agency = ${p.add(scope.agency)}`);
    const counts = await this.pool.query<{
      workshop_id: string;
      source_id: string;
      status: FollowUpStatus;
      n: number;
    }>(
      `SELECT workshop_id, source_id, status, count(*)::int AS n
       FROM ${this.table('follow_up_board')}
       WHERE ${where.join(' AND ')}
       GROUP BY workshop_id, source_id, status`,
      p.values,
    );
    const bySource = new Map<string, StatusCounts>();
    const byWorkshop = new Map<string, StatusCounts>();
    for (const c of counts.rows) {
      for (const [map, key] of [
        [bySource, c.source_id],
        [byWorkshop, c.workshop_id],
      ] as const) {
        const counted = map.get(key) ?? emptyStatusCounts();
        if (c.status in counted) counted[c.status] += c.n;
        map.set(key, counted);
      }
    }
    return rows.map((w) => {
      const own = sources.rows.filter((s) => s.workshop_id === w.workshop_id);
      const source = (s: (typeof own)[number]): SourceProgress => ({
        sourceId: s.source_id,
        summary: s.summary,
        agency: s.agency,
        dueDate: s.due_date,
        followUps: progress(bySource.get(s.source_id)),
      });
      return {
        workshopId: w.workshop_id,
        title: w.title,
        hostAgency: w.host_agency,
        heldOn: w.held_on,
        counterparts: w.counterparts,
        attendingAgencies: w.attending_agencies,
        version: w.version,
        followUps: progress(byWorkshop.get(w.workshop_id)),
        actions: own.filter((s) => s.source_kind === 'action').map(source),
        requests: own.filter((s) => s.source_kind === 'info_request').map(source),
      };
    });
  }
}

function scopeConditions(p: SqlParams, scope: WorkshopScope): string[] {
  return scope.kind === 'host' ? [`host_agency = ${p.add(scope.agency)}`] : [];
}

function progress(counts: StatusCounts = emptyStatusCounts()): FollowUpProgress {
  return { total: totalOf(counts), byStatus: counts, shareDone: shareDone(counts) };
}
