import type { FollowUp } from '../../api/client';

export const BOARD_SORTS = ['dueAt', 'lastChangedAt', 'priority'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** What the board shows, kept in the address (so reload, back and a shared link keep it). */
export interface BoardFilters {
  agency?: string;
  status?: FollowUp['status'];
  overdue: boolean;
  sort: BoardSort;
  order: 'asc' | 'desc';
  cursor?: string;
}

export const ALL_STATUSES: readonly FollowUp['status'][] = [
  'assigned',
  'routed',
  'acknowledged',
  'in_progress',
  'submitted',
  'rejected',
  'declined',
  'reassigned',
  'accepted',
  'cancelled',
];

/** Reads the filters from a query string; anything unknown falls back to the default. */
export function parseFilters(search: string): BoardFilters {
  const q = new URLSearchParams(search);
  const agency = q.get('agency') ?? '';
  const status = q.get('status') as FollowUp['status'] | null;
  const sort = q.get('sort') as BoardSort | null;
  const cursor = q.get('cursor') ?? '';
  return {
    ...(/^[A-Z][A-Z0-9_]{1,15}$/.test(agency) && { agency }),
    ...(status !== null && ALL_STATUSES.includes(status) && { status }),
    overdue: q.get('overdue') === 'true',
    sort: sort !== null && BOARD_SORTS.includes(sort) ? sort : 'dueAt',
    order: q.get('order') === 'desc' ? 'desc' : 'asc',
    ...(cursor !== '' && { cursor }),
  };
}

/** The query string for the filters, defaults left out. */
export function filtersToSearch(filters: BoardFilters): string {
  const q = new URLSearchParams();
  if (filters.agency) q.set('agency', filters.agency);
  if (filters.status) q.set('status', filters.status);
  if (filters.overdue) q.set('overdue', 'true');
  if (filters.sort !== 'dueAt') q.set('sort', filters.sort);
  if (filters.order !== 'asc') q.set('order', filters.order);
  if (filters.cursor) q.set('cursor', filters.cursor);
  return q.toString();
}

/** The API's query for the filters (GET /v1/follow-ups). */
export function boardQuery(filters: BoardFilters) {
  return {
    limit: 20,
    sort: filters.sort,
    order: filters.order,
    ...(filters.agency && { agency: filters.agency }),
    ...(filters.status && { status: [filters.status] }),
    ...(filters.overdue && { overdue: true }),
    ...(filters.cursor && { cursor: filters.cursor }),
  };
}
