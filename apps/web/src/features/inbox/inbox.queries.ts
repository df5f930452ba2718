import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap, type FollowUpPage } from '../../api/client';
import { minPosition } from '../../api/fresh-reads';

/** The agency's open tasks, due first (the API's order), page after page. */
export type InboxScope = 'agency' | 'mine';

export function useInbox(agency: string | undefined, scope: InboxScope) {
  return useInfiniteQuery({
    queryKey: ['inbox', agency, scope],
    enabled: agency !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap<FollowUpPage>(
        api.GET('/v1/agencies/{code}/inbox', {
          params: {
            path: { code: agency ?? '' },
            query: {
              limit: 50,
              scope,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...minPosition(),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
