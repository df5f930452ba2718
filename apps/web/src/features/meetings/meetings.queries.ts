import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { rememberPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';

export type SeriesSummary = components['schemas']['MeetingSeriesSummaryDto'];
export type SeriesDetail = components['schemas']['MeetingSeriesDetailDto'];
export type Meeting = components['schemas']['MeetingDto'];
export type AgendaItem = components['schemas']['AgendaItemDto'];
export type MeetingPerson = components['schemas']['MeetingPersonDto'];
type CommandResult = components['schemas']['MeetingCommandResultDto'];
type HoldBody = components['schemas']['HoldMeetingRequest'];
type ScheduleBody = components['schemas']['ScheduleMeetingRequest'];
type StartBody = components['schemas']['StartMeetingSeriesRequest'];

/** Series the person may read; one workshop's when it is given. */
export function useMeetingSeriesList(workshopId?: string) {
  return useQuery({
    queryKey: ['meeting-series', 'list', workshopId ?? null],
    queryFn: () =>
      unwrap<components['schemas']['MeetingSeriesListDto']>(
        api.GET('/v1/meeting-series', { params: { query: workshopId ? { workshopId } : {} } }),
      ),
  });
}

export function useMeetingSeries(id: string) {
  return useQuery({
    queryKey: ['meeting-series', id],
    queryFn: () =>
      unwrap<SeriesDetail>(api.GET('/v1/meeting-series/{id}', { params: { path: { id } } })),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/** Who may be named an attendee and who was (ids and names). */
export function useMeetingPeople(id: string) {
  return useQuery({
    queryKey: ['meeting-series', id, 'people'],
    queryFn: () =>
      unwrap<components['schemas']['MeetingPeopleDto']>(
        api.GET('/v1/meeting-series/{id}/people', { params: { path: { id } } }),
      ),
    staleTime: 60_000,
  });
}

/** The host bureau head's commands; each refreshes the series and the lists. */
export function useMeetingCommands() {
  const client = useQueryClient();
  const after = async (result: CommandResult) => {
    rememberPosition(result.position);
    await client.invalidateQueries({ queryKey: ['meeting-series'] });
    return result;
  };
  return {
    start: async (body: StartBody) =>
      after(await unwrap<CommandResult>(api.POST('/v1/meeting-series', { body }))),
    schedule: async (id: string, body: ScheduleBody) =>
      after(
        await unwrap<CommandResult>(
          api.POST('/v1/meeting-series/{id}/meetings', { params: { path: { id } }, body }),
        ),
      ),
    hold: async (id: string, n: number, body: HoldBody) =>
      after(
        await unwrap<CommandResult>(
          api.POST('/v1/meeting-series/{id}/meetings/{n}/held', {
            params: { path: { id, n } },
            body,
          }),
        ),
      ),
    cancel: async (id: string, n: number, reason: string) =>
      after(
        await unwrap<CommandResult>(
          api.POST('/v1/meeting-series/{id}/meetings/{n}/cancel', {
            params: { path: { id, n } },
            body: { reason },
          }),
        ),
      ),
  };
}
