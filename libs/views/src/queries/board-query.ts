import { FollowUpStatus, ALL_FOLLOW_UP_STATUSES } from '@liaison/follow-up';
import { isLowerCaseUuid } from '../event-data';
import { qualified } from '../sql-identifiers';
import { CursorPosition, decodeCursor, encodeCursor, pageLimit } from './cursor';
import { followUpBoardTable } from '../board/follow-up-board.table';
import { classificationCondition, FollowUpScope } from './read-scope';
import { InvalidReadQueryError } from './read.errors';
import { SqlParams } from './sql-params';

/** Filters narrow the actor's scope, never widen it: an officer filtering on another agency
 * gets an empty page (not a 403), the same answer as for an agency with no tasks. */
export interface BoardFilter {
  /** The assignee agency. */
  agency?: string;
  status?: FollowUpStatus | readonly FollowUpStatus[];
  /** true: only open tasks (not accepted or cancelled); false: only closed ones. */
  open?: boolean;
  /** true: tasks overdue now (flag set and still open); false: all others. */
  overdue?: boolean;
  workshopId?: string;
  /** The task's named officer (a person's id). */
  officerId?: string;
  /** true: only tasks nobody has claimed; false: only claimed ones. */
  unclaimed?: boolean;
}

export type BoardSort = 'dueAt' | 'lastChangedAt' | 'priority';

export interface PageRequest {
  sort?: BoardSort;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

const SORT_COLUMNS: Record<BoardSort, { column: string; cast: string }> = {
  dueAt: { column: 'due_at', cast: 'timestamptz' },
  lastChangedAt: { column: 'last_changed_at', cast: 'timestamptz' },
  priority: { column: 'priority_rank', cast: 'smallint' },
};

export type BoardPageRecord = Record<string, unknown> & {
  follow_up_id: string;
  sort_key: Date | number;
};

export interface BoardStatement {
  sql: string;
  values: unknown[];
  limit: number;
  /** Builds the cursor that continues after a row. */
  cursorAfter: (row: BoardPageRecord) => string;
}

export function boardStatement(
  schema: string,
  scope: FollowUpScope,
  filter: BoardFilter,
  page: PageRequest,
): BoardStatement {
  const sort = page.sort ?? 'dueAt';
  const sortColumn = SORT_COLUMNS[sort];
  if (!sortColumn)
    throw new InvalidReadQueryError('sort', 'must be dueAt, lastChangedAt or priority');
  const order = page.order ?? 'asc';
  if (order !== 'asc' && order !== 'desc')
    throw new InvalidReadQueryError('order', 'must be asc or desc');
  const limit = pageLimit(page.limit);
  const p = new SqlParams();
  const where = boardConditions(p, scope, filter);
  if (page.cursor) {
    const c = checkedCursor(decodeCursor(page.cursor, `${sort}:${order}`), sort);
    const cmp = order === 'asc' ? '>' : '<';
    where.push(
      `(${sortColumn.column}, follow_up_id) ${cmp} (${p.add(c.key, sortColumn.cast)}, ${p.add(c.id, 'uuid')})`,
    );
  }
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  const sql = `
    SELECT ${followUpBoardTable.selectList}, ${sortColumn.column} AS sort_key
    FROM ${qualified(schema, followUpBoardTable.name)}
    WHERE ${where.length > 0 ? where.join(' AND ') : 'true'}
    ORDER BY ${sortColumn.column} ${dir}, follow_up_id ${dir}
    LIMIT ${p.add(limit + 1, 'int')}`;
  return {
    sql,
    values: p.values,
    limit,
    cursorAfter: (row) =>
      encodeCursor({
        sort: `${sort}:${order}`,
        key: row.sort_key instanceof Date ? row.sort_key.toISOString() : row.sort_key,
        id: row.follow_up_id,
      }),
  };
}

/** Scope first, then filters: every condition is ANDed, so nothing can widen the scope. */
export function boardConditions(p: SqlParams, scope: FollowUpScope, filter: BoardFilter): string[] {
  const where: string[] = [];
  if (scope.kind === 'agency') where.push(`${scope.column} = ${p.add(scope.agency)}`);
  const classified = classificationCondition(scope, p);
  if (classified) where.push(classified);
  if (filter.agency !== undefined)
    where.push(`assignee_agency = ${p.add(checkedAgency(filter.agency))}`);
  if (filter.status !== undefined) {
    const statuses = checkedStatuses(filter.status);
    where.push(
      statuses.length === 1
        ? `status = ${p.add(statuses[0])}`
        : `status = ANY(${p.add(statuses, 'text[]')})`,
    );
  }
  if (filter.open !== undefined) where.push(filter.open ? 'is_open' : 'NOT is_open');
  if (filter.overdue !== undefined) {
    where.push(filter.overdue ? '(overdue AND is_open)' : 'NOT (overdue AND is_open)');
  }
  if (filter.workshopId !== undefined) {
    if (!isLowerCaseUuid(filter.workshopId.toLowerCase())) {
      throw new InvalidReadQueryError('workshopId', 'must be a uuid');
    }
    where.push(`workshop_id = ${p.add(filter.workshopId, 'uuid')}`);
  }
  if (filter.officerId !== undefined) {
    if (typeof filter.officerId !== 'string' || filter.officerId.length > 200) {
      throw new InvalidReadQueryError('officerId', 'must be a person id');
    }
    where.push(`officer_id = ${p.add(filter.officerId)}`);
  }
  if (filter.unclaimed !== undefined) {
    where.push(filter.unclaimed ? 'officer_id IS NULL' : 'officer_id IS NOT NULL');
  }
  return where;
}

function checkedAgency(agency: string): string {
  if (typeof agency !== 'string' || agency.length === 0 || agency.length > 64) {
    throw new InvalidReadQueryError('agency', 'must be an agency code');
  }
  return agency;
}

function checkedStatuses(status: FollowUpStatus | readonly FollowUpStatus[]): FollowUpStatus[] {
  const list = (Array.isArray(status) ? [...status] : [status]) as FollowUpStatus[];
  const known: readonly string[] = ALL_FOLLOW_UP_STATUSES;
  if (list.length === 0 || list.some((s) => !known.includes(s))) {
    throw new InvalidReadQueryError('status', `must be one or more of ${known.join(', ')}`);
  }
  return list;
}

/** The cursor's values go into typed parameters; a forged one must fail as a 4xx, not a 500. */
function checkedCursor(c: CursorPosition, sort: BoardSort): CursorPosition {
  const validKey =
    sort === 'priority'
      ? Number.isInteger(c.key) && (c.key as number) >= 0 && (c.key as number) <= 3
      : isIssuedTimestamp(c.key);
  if (!validKey || !isLowerCaseUuid(c.id)) {
    throw new InvalidReadQueryError('cursor', 'is not a cursor this API issued');
  }
  return c;
}

/**
 * Exactly what toISOString wrote when the cursor was issued: anything else JavaScript can parse
 * ("1", "+275760-09-13T00:00:00.000Z", 2026-02-30) Postgres may not, and answered 500.
 */
function isIssuedTimestamp(key: unknown): boolean {
  if (typeof key !== 'string' || !ISSUED_TIMESTAMP.test(key)) return false;
  const time = new Date(key).getTime();
  return !Number.isNaN(time) && new Date(time).toISOString() === key;
}

const ISSUED_TIMESTAMP = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
