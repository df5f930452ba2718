import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { historyQuery, type HistoryFilters } from './history-filters';

export type AsOf = components['schemas']['AsOfDto'];
export type VerifyReport = components['schemas']['VerifyReportDto'];

/** A task as it stood at `asOf` (ISO), or now when absent. */
export function useFollowUpAsOf(id: string, asOf?: string) {
  return useQuery({
    queryKey: ['audit', 'follow-up', id, asOf ?? 'now'],
    queryFn: () =>
      unwrap<AsOf>(
        api.GET('/v1/audit/follow-ups/{id}', {
          params: { path: { id }, query: asOf ? { asOf } : {} },
        }),
      ),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

export function useVerify() {
  return useMutation({ mutationFn: () => unwrap<VerifyReport>(api.GET('/v1/audit/verify')) });
}

export { isoToSeoul, seoulToIso } from './history-filters';

export type HistoryEvent = components['schemas']['AuditEventDto'];
type HistoryPage = components['schemas']['HistoryPageDto'];

const HISTORY_PAGE = 100;

/**
 * The global history through the filters, which the API applies in Postgres (indexed), a
 * hundred events at a time; "more" goes on from the API's cursor. Every read lands in the
 * access log with its filters.
 */
export function useHistory(filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'history', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap<HistoryPage>(
        api.GET('/v1/audit/events', {
          params: { query: historyQuery(filters, HISTORY_PAGE, pageParam) },
        }),
      ),
    // a page shorter than the limit is the end of the log
    getNextPageParam: (last) => (last.events.length === HISTORY_PAGE ? last.next : undefined),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

export interface AccessEntry {
  id: number;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  params: Record<string, unknown>;
  at: string;
}

/** The access log: who read or exported what, newest first. */
export function useAccessLog(actor?: string) {
  return useInfiniteQuery({
    queryKey: ['audit', 'access-log', actor ?? ''],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      unwrap<{ entries: AccessEntry[]; next?: number }>(
        api.GET('/v1/audit/access-log', {
          params: {
            query: {
              limit: 50,
              ...(actor ? { actor } : {}),
              ...(pageParam ? { before: pageParam } : {}),
            },
          },
        }) as Promise<{ data?: { entries: AccessEntry[]; next?: number }; response: Response }>,
      ),
    getNextPageParam: (last) => last.next,
    retry: (count, error) => count < 2 && !('status' in error),
  });
}
