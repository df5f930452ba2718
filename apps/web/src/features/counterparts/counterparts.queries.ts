import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { rememberPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';

export type CounterpartSummary = components['schemas']['CounterpartRequestSummaryDto'];
export type CounterpartDetail = components['schemas']['CounterpartRequestDetailDto'];
type Result = components['schemas']['CounterpartCommandResultDto'];
type LinkResult = components['schemas']['CounterpartLinkResultDto'];
type CloseBody = components['schemas']['CloseCounterpartRequestBody'];

/** Requests to counterparts; `owed`: only those sent and not answered in full. */
export function useCounterpartRequests(filter: { owed?: boolean; workshopId?: string }) {
  return useQuery({
    queryKey: ['counterpart-requests', 'list', filter],
    queryFn: () =>
      unwrap<components['schemas']['CounterpartRequestsPageDto']>(
        api.GET('/v1/counterpart-requests', {
          params: {
            query: {
              ...(filter.owed && { status: 'open' as const }),
              ...(filter.workshopId && { workshopId: filter.workshopId }),
            },
          },
        }),
      ),
  });
}

export function useCounterpartRequest(id: string) {
  return useQuery({
    queryKey: ['counterpart-requests', id],
    queryFn: () =>
      unwrap<CounterpartDetail>(
        api.GET('/v1/counterpart-requests/{id}', { params: { path: { id } } }),
      ),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/** The bureau head's verbs on a request; each refreshes the request and the lists. */
export function useCounterpartCommands() {
  const client = useQueryClient();
  const after = async <R extends Result>(result: R): Promise<R> => {
    rememberPosition(result.position);
    await client.invalidateQueries({ queryKey: ['counterpart-requests'] });
    return result;
  };
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    draft: async (body: components['schemas']['DraftCounterpartRequestBody']) =>
      after(await unwrap<Result>(api.POST('/v1/counterpart-requests', { body }))),
    send: async (id: string, dueAt?: string) =>
      after(
        await unwrap<LinkResult>(
          api.POST('/v1/counterpart-requests/{id}/send', {
            ...path(id),
            body: dueAt ? { dueAt } : {},
          }),
        ),
      ),
    acknowledge: async (id: string, note?: string) =>
      after(
        await unwrap<Result>(
          api.POST('/v1/counterpart-requests/{id}/acknowledge', {
            ...path(id),
            body: note ? { note } : {},
          }),
        ),
      ),
    chase: async (id: string, body: { dueAt?: string; note?: string }) =>
      after(
        await unwrap<LinkResult>(
          api.POST('/v1/counterpart-requests/{id}/chase', { ...path(id), body }),
        ),
      ),
    close: async (id: string, body: CloseBody) =>
      after(
        await unwrap<Result>(
          api.POST('/v1/counterpart-requests/{id}/close', { ...path(id), body }),
        ),
      ),
  };
}

/** A due day from the form as 18:00 in Seoul, as the API's own default does. */
export function dueAtOfDay(day: string): string | undefined {
  return day ? `${day}T18:00:00+09:00` : undefined;
}

/** Which verbs a request's state allows (the decider's rules, for the buttons). */
export function verbsFor(status: string): {
  send: boolean;
  acknowledge: boolean;
  chase: boolean;
  close: boolean;
} {
  const waiting = status === 'sent' || status === 'acknowledged' || status === 'partially_answered';
  return {
    send: status === 'drafted',
    acknowledge: status === 'sent',
    chase: waiting,
    close: status !== 'closed',
  };
}
