import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type FollowUpPage } from '../../api/client';
import { minPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';
import { boardQuery, type BoardFilters } from './board-filters';

export type Agency = components['schemas']['AgencyDto'];

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

/** The directory's agencies (not the outside counterparts): the board's agency filter. */
export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: () => unwrap<Agency[]>(api.GET('/v1/agencies')),
    staleTime: 10 * 60_000,
    select: (agencies) => agencies.filter((a) => a.kind === 'agency' && a.active),
  });
}
