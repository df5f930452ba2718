import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type CommandResult } from '../../api/client';
import { minPosition, rememberPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';

export type Workshop = components['schemas']['WorkshopDto'];
export type WorkshopPage = components['schemas']['WorkshopPageDto'];
export type NewWorkshop = components['schemas']['CreateWorkshopRequest'];
export type NewAction = components['schemas']['AgreeActionRequest'];
export type NewRequest = components['schemas']['RequestInfoRequest'];
export type NewFollowUp = components['schemas']['AssignFollowUpRequest'];

export function useWorkshops() {
  return useQuery({
    queryKey: ['workshops'],
    queryFn: () =>
      unwrap<WorkshopPage>(
        api.GET('/v1/workshops', { params: { query: { limit: 50, ...minPosition() } } }),
      ),
  });
}

export function useWorkshop(id: string) {
  return useQuery({
    queryKey: ['workshop', id],
    queryFn: () =>
      unwrap<Workshop>(
        api.GET('/v1/workshops/{id}', { params: { path: { id }, query: { ...minPosition() } } }),
      ),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/** The bureau head's records: each remembers its position and refreshes what shows it. */
export function useWorkshopCommands() {
  const client = useQueryClient();
  const after = async (position: number, workshopId?: string) => {
    rememberPosition(position);
    await client.invalidateQueries({ queryKey: ['workshops'] });
    if (workshopId) await client.invalidateQueries({ queryKey: ['workshop', workshopId] });
    await client.invalidateQueries({ queryKey: ['board'] });
  };
  return {
    async create(body: NewWorkshop): Promise<string> {
      const created = await unwrap(api.POST('/v1/workshops', { body }));
      await after(created.position);
      return created.id;
    },
    async agreeAction(id: string, body: NewAction): Promise<void> {
      const done = await unwrap(
        api.POST('/v1/workshops/{id}/actions', { params: { path: { id } }, body }),
      );
      await after(done.position, id);
    },
    async requestInfo(id: string, body: NewRequest): Promise<void> {
      const done = await unwrap(
        api.POST('/v1/workshops/{id}/info-requests', { params: { path: { id } }, body }),
      );
      await after(done.position, id);
    },
    async assign(body: NewFollowUp): Promise<void> {
      const done = await unwrap<CommandResult>(api.POST('/v1/follow-ups', { body }));
      await after(done.position, body.workshopId);
    },
  };
}
