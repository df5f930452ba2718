import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { matchesHistory, type HistoryEvent, type HistoryFilters } from './history-filters';

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

/** One page of the history as the page shows it: the events that passed, and where to go on. */
export interface HistoryPage {
  events: HistoryEvent[];
  /** Events the API gave for this page (before filtering). */
  examined: number;
  /** Cursor of the next API page; absent at the end of the log. */
  next?: string;
}

const HISTORY_PAGE = 1_000;

/**
 * The global history through the filters. A stream filter reads that stream (`/audit/streams/:id`);
 * otherwise the log is read a thousand events at a time and the page keeps those that pass, with
 * "more" going on from the API's cursor. Every read lands in the access log, as the API does.
 */
export function useHistory(filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'history', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }): Promise<HistoryPage> => {
      if (filters.stream) {
        const body = await unwrap<{ events: HistoryEvent[] }>(
          api.GET('/v1/audit/streams/{streamId}', {
            params: {
              path: { streamId: filters.stream },
              query: filters.to ? { asOf: filters.to } : {},
            },
          }) as Promise<{ data?: { events: HistoryEvent[] }; response: Response }>,
        );
        return {
          events: body.events.filter((e) => matchesHistory(e, filters)),
          examined: body.events.length,
        };
      }
      const body = await unwrap<{ events: HistoryEvent[]; next: string }>(
        api.GET('/v1/audit/events', {
          params: { query: { limit: HISTORY_PAGE, ...(pageParam ? { after: pageParam } : {}) } },
        }) as Promise<{ data?: { events: HistoryEvent[]; next: string }; response: Response }>,
      );
      return {
        events: body.events.filter((e) => matchesHistory(e, filters)),
        examined: body.events.length,
        next: body.events.length === HISTORY_PAGE ? body.next : undefined,
      };
    },
    getNextPageParam: (last) => last.next,
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
