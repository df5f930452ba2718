import { Inject, Injectable, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { Actor, FollowUpStatus } from '@liaison/follow-up';
import { isLowerCaseUuid } from '../../event-data';
import { qualified } from '../../sql-identifiers';
import { followUpBoardTable } from '../../board/follow-up-board.table';
import { WorkshopRow } from '../../workshops/workshops.rows';
import { workshopProgressTable, workshopSourcesTable } from '../../workshops/workshops.table';
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
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT ${workshopProgressTable.selectList} FROM ${this.table(workshopProgressTable.name)}
       WHERE ${where.join(' AND ')}`,
      p.values,
    );
    const found = rows.map((r) => workshopProgressTable.toRow(r));
    return found[0] ? (await this.withProgress(scope, found))[0] : null;
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
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT ${workshopProgressTable.selectList} FROM ${this.table(workshopProgressTable.name)}
       WHERE ${where.length > 0 ? where.join(' AND ') : 'true'}
       ORDER BY held_on DESC, workshop_id DESC
       LIMIT ${p.add(limit + 1, 'int')}`,
      p.values,
    );
    const more = rows.length > limit;
    const served = (more ? rows.slice(0, limit) : rows).map((r) => workshopProgressTable.toRow(r));
    const last = served[served.length - 1];
    return {
      items: await this.withProgress(scope, served),
      nextCursor: more
        ? encodeCursor({ sort: 'heldOn:desc', key: last.heldOn, id: last.workshopId })
        : null,
    };
  }

  private table(name: string): string {
    return qualified(this.schema, name);
  }

  /** Two statements for the whole page: the sources, and the board counts by source. */
  private async withProgress(
    scope: WorkshopScope,
    rows: WorkshopRow[],
  ): Promise<WorkshopProgressView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.workshopId);
    const sources = await this.pool.query<Record<string, unknown>>(
      `SELECT ${workshopSourcesTable.selectList} FROM ${this.table(workshopSourcesTable.name)}
       WHERE workshop_id = ANY($1::uuid[]) ORDER BY workshop_id, version, source_id`,
      [ids],
    );
    const p = new SqlParams();
    const where = [`workshop_id = ANY(${p.add(ids, 'uuid[]')})`];
    // Counts follow the follow-up policy too: a bureau head counts what their agency hosts.
    if (scope.kind === 'host') where.push(`host_agency = ${p.add(scope.agency)}`);
    // A joint task counts once, as its lead: its contributions are parts of it (주관/협조).
    where.push('kind IS NULL');
    const counts = await this.pool.query<{
      workshop_id: string;
      source_id: string;
      status: FollowUpStatus;
      n: number;
    }>(
      `SELECT workshop_id, source_id, status, count(*)::int AS n
       FROM ${this.table(followUpBoardTable.name)}
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
    const sourceRows = sources.rows.map((r) => workshopSourcesTable.toRow(r));
    return rows.map((w) => {
      const own = sourceRows.filter((s) => s.workshopId === w.workshopId);
      const source = (s: (typeof own)[number]): SourceProgress => ({
        sourceId: s.sourceId,
        summary: s.summary,
        agency: s.agency,
        dueDate: s.dueDate,
        followUps: progress(bySource.get(s.sourceId)),
      });
      return {
        workshopId: w.workshopId,
        title: w.title,
        hostAgency: w.hostAgency,
        heldOn: w.heldOn,
        counterparts: w.counterparts,
        attendingAgencies: w.attendingAgencies,
        version: w.version,
        followUps: progress(byWorkshop.get(w.workshopId)),
        actions: own.filter((s) => s.sourceKind === 'action').map(source),
        requests: own.filter((s) => s.sourceKind === 'info_request').map(source),
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
