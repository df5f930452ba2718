import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Person = components['schemas']['PersonDto'];
export type PersonRole = Person['roles'][number];
export type AgencyEntry = components['schemas']['AgencyDto'];
export type ApiKey = components['schemas']['ApiKeyDto'];
export type NewApiKey = components['schemas']['NewApiKeyDto'];
export type Webhook = components['schemas']['WebhookDto'];
export type DeadLetter = components['schemas']['DeadLetterDto'];
export type RegisterPerson = components['schemas']['RegisterPersonRequest'];
export type UpdatePerson = components['schemas']['UpdatePersonRequest'];
export type RegisterAgency = components['schemas']['RegisterAgencyRequest'];
export type UpdateAgency = components['schemas']['UpdateAgencyRequest'];
export type CreateApiKey = components['schemas']['CreateApiKeyRequest'];
export type WebhookInput = components['schemas']['AgencyWebhookRequest'];

/** Every role a person or a key may hold, in the order the pages list them. */
export const ROLES: readonly PersonRole[] = [
  'bureau_head',
  'agency_officer',
  'auditor',
  'records_officer',
  'admin',
];

const ADMIN = ['admin'] as const;

/** The people of the directory, by agency and login, optionally of one agency or state. */
export function usePeople(filter: { agency?: string; active?: 'true' | 'false' }) {
  return useQuery({
    queryKey: [...ADMIN, 'people', filter],
    queryFn: () =>
      unwrap<components['schemas']['PeoplePageDto']>(
        api.GET('/v1/people', { params: { query: filter } }),
      ),
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: [...ADMIN, 'person', id],
    queryFn: () => unwrap<Person>(api.GET('/v1/people/{id}', { params: { path: { id } } })),
    retry: (count, error) => count < 2 && !(error instanceof ApiError),
  });
}

/** The whole directory, inactive agencies and counterparts included (the admin keeps them). */
export function useDirectory() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: () => unwrap<AgencyEntry[]>(api.GET('/v1/agencies')),
  });
}

export function useApiKeys() {
  return useQuery({
    queryKey: [...ADMIN, 'api-keys'],
    queryFn: () => unwrap<ApiKey[]>(api.GET('/v1/api-keys')),
  });
}

/** An agency's webhook, or null when none is set (the API's 404). */
const webhookQuery = (code: string) => ({
  queryKey: [...ADMIN, 'webhook', code],
  queryFn: async (): Promise<Webhook | null> => {
    try {
      return await unwrap<Webhook>(
        api.GET('/v1/admin/agencies/{code}/webhook', { params: { path: { code } } }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  },
});

/** Each agency's webhook (a handful of agencies: one small read each). */
export function useWebhooks(codes: readonly string[]) {
  return useQueries({ queries: codes.map(webhookQuery) });
}

export function useDeadLetters(waiting: boolean) {
  return useQuery({
    queryKey: [...ADMIN, 'dead-letters', waiting],
    queryFn: () =>
      unwrap<components['schemas']['DeadLettersPageDto']>(
        api.GET('/v1/admin/dead-letters', { params: { query: { waiting, limit: 200 } } }),
      ),
  });
}

/**
 * A change made by the admin: on success every admin read and the directory (which other pages
 * cache) are read again, so the lists show the change at once.
 */
export function useAdminChange<V, R = unknown>(change: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ADMIN }),
        client.invalidateQueries({ queryKey: ['agencies'] }),
      ]);
    },
  });
}

const ifMatch = (version: number) => ({ 'If-Match': String(version) });

export const adminCalls = {
  registerPerson: (body: RegisterPerson) => unwrap(api.POST('/v1/people', { body })),
  updatePerson: ({ id, version, body }: { id: string; version: number; body: UpdatePerson }) =>
    unwrap(
      api.PATCH('/v1/people/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }),
    ),
  grantRole: ({ id, role }: { id: string; role: PersonRole }) =>
    unwrap(api.POST('/v1/people/{id}/roles', { params: { path: { id } }, body: { role } })),
  revokeRole: ({ id, role }: { id: string; role: PersonRole }) =>
    unwrap(api.DELETE('/v1/people/{id}/roles/{role}', { params: { path: { id, role } } })),
  deactivate: ({ id, reason }: { id: string; reason: string }) =>
    unwrap(api.POST('/v1/people/{id}/deactivate', { params: { path: { id } }, body: { reason } })),
  resetPassword: ({ id, newPassword }: { id: string; newPassword: string }) =>
    unwrap(
      api.PUT('/v1/people/{id}/password', { params: { path: { id } }, body: { newPassword } }),
    ),
  registerAgency: (body: RegisterAgency) => unwrap(api.POST('/v1/agencies', { body })),
  updateAgency: ({ code, body }: { code: string; body: UpdateAgency }) =>
    unwrap(api.PATCH('/v1/agencies/{code}', { params: { path: { code } }, body })),
  createApiKey: (body: CreateApiKey) => unwrap<NewApiKey>(api.POST('/v1/api-keys', { body })),
  revokeApiKey: (id: string) =>
    unwrap(api.DELETE('/v1/api-keys/{id}', { params: { path: { id } } })),
  setWebhook: ({ code, body }: { code: string; body: WebhookInput }) =>
    unwrap<Webhook>(
      api.POST('/v1/admin/agencies/{code}/webhook', { params: { path: { code } }, body }),
    ),
  removeWebhook: (code: string) =>
    unwrap(api.DELETE('/v1/admin/agencies/{code}/webhook', { params: { path: { code } } })),
  retryDeadLetter: (id: string) =>
    unwrap<DeadLetter>(api.POST('/v1/admin/dead-letters/{id}/retry', { params: { path: { id } } })),
};
