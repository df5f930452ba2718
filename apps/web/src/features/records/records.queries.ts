import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type RecordRow = components['schemas']['RecordDto'];
export type ReviewItem = components['schemas']['DisposalReviewItemDto'];
type Review = components['schemas']['DisposalReviewDto'];
type SetRetention = components['schemas']['SetRetentionBody'];

export const RETENTIONS = [1, 3, 5, 10, 30, 'permanent'] as const;
export const RECORD_ID =
  /^(workshop|follow-up)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The disposal review (폐기 심의) as of a day; the API's today when none is given. */
export function useDisposalReview(on?: string) {
  return useQuery({
    queryKey: ['records', 'review', on ?? null],
    queryFn: () =>
      unwrap<Review>(
        api.GET('/v1/records/disposal-review', { params: { query: on ? { on } : {} } }),
      ),
  });
}

export function useRecord(recordId: string) {
  return useQuery({
    queryKey: ['records', recordId],
    queryFn: () =>
      unwrap<RecordRow>(api.GET('/v1/records/{recordId}', { params: { path: { recordId } } })),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/** The records officer's commands: each answers the record as it is now. */
export function useRecordCommands(recordId: string) {
  const client = useQueryClient();
  const path = { params: { path: { recordId } } };
  const after = async <T>(result: T) => {
    await client.invalidateQueries({ queryKey: ['records'] });
    return result;
  };
  return {
    setRetention: async (body: SetRetention) =>
      after(await unwrap(api.PUT('/v1/records/{recordId}/retention', { ...path, body }))),
    placeHold: async (reason: string) =>
      after(
        await unwrap(api.POST('/v1/records/{recordId}/legal-hold', { ...path, body: { reason } })),
      ),
    liftHold: async (reason: string) =>
      after(
        await unwrap(
          api.POST('/v1/records/{recordId}/legal-hold/lift', { ...path, body: { reason } }),
        ),
      ),
    dispose: async () => after(await unwrap(api.POST('/v1/records/{recordId}/disposal', path))),
  };
}
