import { Inject, Injectable, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { Actor, FollowUpStatus } from '@liaison/follow-up';
import { isLowerCaseUuid } from '../event-data';
import { qualified } from '../sql-identifiers';
import {
  BoardFilter,
  BoardPageRecord,
  PageRequest,
  boardConditions,
  boardStatement,
} from './board-query';
import { followUpBoardTable } from '../board/follow-up-board.table';
import { FollowUpView } from './follow-up-view';
import {
  PROJECTION_QUERY_OPTIONS,
  ProjectionQueryOptions,
  queryOptions,
} from './projection-query.options';
import { DisplayName, officerNames } from './officer-names';
import { followUpScope, oneTaskCondition } from './read-scope';
import { SqlParams } from './sql-params';

/** A board row as a page serves it: with the officer's name when the directory knows them. */
export type BoardItem = FollowUpView & { officerName?: DisplayName };

/** Reads the board table; every method scopes by the actor before any filter applies. */
@Injectable()
export class BoardReader {
  private readonly schema: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Optional() @Inject(PROJECTION_QUERY_OPTIONS) options?: Partial<ProjectionQueryOptions>,
  ) {
    this.schema = queryOptions(options).schema;
  }

  async page(
    actor: Actor,
    filter: BoardFilter,
    page: PageRequest,
  ): Promise<{ items: BoardItem[]; nextCursor: string | null }> {
    const st = boardStatement(this.schema, followUpScope(actor), filter, page);
    const { rows } = await this.pool.query<BoardPageRecord>(st.sql, st.values);
    const more = rows.length > st.limit;
    const served = more ? rows.slice(0, st.limit) : rows;
    const items = served.map((r) => followUpBoardTable.toRow(r));
    const names = await officerNames(
      this.pool,
      items.map((i) => i.officerId),
    );
    return {
      items: items.map((i) => {
        const officerName = i.officerId === null ? undefined : names.get(i.officerId);
        return officerName ? { ...i, officerName } : i;
      }),
      nextCursor: more ? st.cursorAfter(served[served.length - 1]) : null,
    };
  }

  async one(actor: Actor, followUpId: string): Promise<FollowUpView | null> {
    const scope = followUpScope(actor);
    if (!isLowerCaseUuid(followUpId.toLowerCase())) return null;
    const p = new SqlParams();
    const where = [`follow_up_id = ${p.add(followUpId, 'uuid')}`];
    const scoped = oneTaskCondition(scope, p);
    if (scoped) where.push(scoped);
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT ${followUpBoardTable.selectList} FROM ${qualified(this.schema, followUpBoardTable.name)}
       WHERE ${where.join(' AND ')}`,
      p.values,
    );
    return rows[0] ? followUpBoardTable.toRow(rows[0]) : null;
  }

  /** Task counts per assignee agency and status, over what the actor may see. */
  async countsByAgency(
    actor: Actor,
    agency?: string,
  ): Promise<{ agency: string; status: FollowUpStatus; n: number; overdue: number }[]> {
    const p = new SqlParams();
    const where = boardConditions(p, followUpScope(actor), { agency });
    const { rows } = await this.pool.query<{
      agency: string;
      status: FollowUpStatus;
      n: number;
      overdue: number;
    }>(
      `SELECT assignee_agency AS agency, status, count(*)::int AS n,
         count(*) FILTER (WHERE overdue AND is_open)::int AS overdue
       FROM ${qualified(this.schema, followUpBoardTable.name)}
       WHERE ${where.length > 0 ? where.join(' AND ') : 'true'}
       GROUP BY assignee_agency, status
       ORDER BY assignee_agency`,
      p.values,
    );
    return rows;
  }
}
