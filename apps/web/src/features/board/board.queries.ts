import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type FollowUpPage } from '../../api/client';
import { minPosition } from '../../api/fresh-reads';
import { boardQuery, type BoardFilters } from './board-filters';

export function useBoard(filters: BoardFilters) {
  return useQuery({
    queryKey: ['board', filters],
    queryFn: () =>
      unwrap<FollowUpPage>(
        api.GET('/v1/follow-ups', {
          params: { query: { ...boardQuery(filters), ...minPosition() } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
