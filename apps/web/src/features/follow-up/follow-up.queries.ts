import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type CommandResult, type FollowUp } from '../../api/client';
import { rememberPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';
import type { Verb, VerbField } from './verbs';
import type { VerbValues } from './VerbPanel';

export type Colleague = components['schemas']['ColleaguesDto']['items'][number];

/** An agency's active officers, for the hand-over picker (only asked when `enabled`). */
export function useColleagues(agency: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['colleagues', agency],
    queryFn: () =>
      unwrap<components['schemas']['ColleaguesDto']>(
        api.GET('/v1/agencies/{code}/officers', { params: { path: { code: agency ?? '' } } }),
      ),
    enabled: enabled && agency !== undefined,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useFollowUp(id: string) {
  return useQuery({
    queryKey: ['follow-up', id],
    queryFn: () => unwrap<FollowUp>(api.GET('/v1/follow-ups/{id}', { params: { path: { id } } })),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/**
 * Sends a verb with `If-Match: <the version on screen>`: if someone changed the task since, the
 * API answers 409 instead of applying it to a state the person did not see.
 */
export function usePerformVerb(id: string) {
  const client = useQueryClient();
  return async (verb: Verb, version: number, v: VerbValues): Promise<void> => {
    const params = { path: { id }, header: { 'If-Match': String(version) } };
    const text = (field: VerbField) => v[field] ?? '';
    let call: Promise<{ data?: CommandResult; error?: unknown; response: Response }>;
    switch (verb) {
      case 'claim':
        call = api.POST('/v1/follow-ups/{id}/claim', { params });
        break;
      case 'handOver':
        call = api.POST('/v1/follow-ups/{id}/hand-over', {
          params,
          body: { officerId: text('officerId') },
        });
        break;
      case 'acknowledge':
        call = api.POST('/v1/follow-ups/{id}/acknowledge', { params });
        break;
      case 'start':
        call = api.POST('/v1/follow-ups/{id}/start', { params });
        break;
      case 'progress':
        call = api.POST('/v1/follow-ups/{id}/progress', {
          params,
          body: v.personal ? { note: text('note'), personal: true } : { note: text('note') },
        });
        break;
      case 'submit':
        call = api.POST('/v1/follow-ups/{id}/submit', {
          params,
          body: { response: text('response') },
        });
        break;
      case 'decline':
        call = api.POST('/v1/follow-ups/{id}/decline', {
          params,
          body: { reason: text('reason') },
        });
        break;
      case 'accept':
        call = api.POST('/v1/follow-ups/{id}/accept', { params });
        break;
      case 'reject':
        call = api.POST('/v1/follow-ups/{id}/reject', { params, body: { reason: text('reason') } });
        break;
      case 'reassign':
        call = api.POST('/v1/follow-ups/{id}/reassign', {
          params,
          body: { assigneeAgency: text('assigneeAgency'), reason: text('reason') },
        });
        break;
      case 'extend':
        call = api.POST('/v1/follow-ups/{id}/extend', {
          params,
          body: { dueAt: text('dueAt'), reason: text('reason') },
        });
        break;
      case 'cancel':
        call = api.POST('/v1/follow-ups/{id}/cancel', { params, body: { reason: text('reason') } });
        break;
    }
    const result = await unwrap<CommandResult>(call);
    rememberPosition(result.position);
    await client.invalidateQueries({ queryKey: ['follow-up', id] });
    await client.invalidateQueries({ queryKey: ['inbox'] });
    await client.invalidateQueries({ queryKey: ['board'] });
  };
}
