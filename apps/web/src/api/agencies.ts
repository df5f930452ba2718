import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { components } from './schema';

export type Agency = components['schemas']['AgencyDto'];

const directory = {
  queryKey: ['agencies'],
  queryFn: () => unwrap<Agency[]>(api.GET('/v1/agencies')),
  staleTime: 10 * 60_000,
} as const;

/** The directory's agencies (not the outside counterparts), for filters and reassignment. */
export function useAgencies() {
  return useQuery({
    ...directory,
    select: (agencies) => agencies.filter((a) => a.kind === 'agency' && a.active),
  });
}

/** The outside counterparts (OPENAI, ANTHROPIC…), for workshops and information requests. */
export function useCounterparts() {
  return useQuery({
    ...directory,
    select: (agencies) => agencies.filter((a) => a.kind === 'counterpart' && a.active),
  });
}
