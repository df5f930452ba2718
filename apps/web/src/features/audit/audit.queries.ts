import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

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

/** A Seoul wall-clock time from a datetime-local field, as an instant. */
export function seoulToIso(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return new Date(`${withSeconds}+09:00`).toISOString();
}

/** An instant as a Seoul wall-clock value for a datetime-local field. */
export function isoToSeoul(iso: string): string {
  const seoul = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return seoul.toISOString().slice(0, 19);
}
