import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { minPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';

export type SearchItem = components['schemas']['SearchItemDto'];
export type SearchKind = SearchItem['kind'];
type SearchPage = components['schemas']['SearchPageDto'];

export const SEARCH_KINDS: readonly SearchKind[] = [
  'follow-up',
  'comment',
  'workshop',
  'meeting-series',
  'meeting',
];

/** GET /v1/search, a page at a time ("more" follows nextCursor). */
export function useSearch(q: string, kind: SearchKind | undefined) {
  return useInfiniteQuery({
    queryKey: ['search', q, kind ?? null],
    enabled: q.trim() !== '',
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap<SearchPage>(
        api.GET('/v1/search', {
          params: {
            query: {
              q,
              limit: 20,
              ...(kind && { kind: [kind] }),
              ...(pageParam && { cursor: pageParam }),
              ...minPosition(),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
