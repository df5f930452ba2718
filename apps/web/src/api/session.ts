import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError, setCsrfToken } from './client';

/**
 * The signed-in person (GET /v1/me, DESIGN.md "People and sign-in"). Typed here from the
 * contract until the session routes describe their answers in the OpenAPI document; then this
 * file switches to the generated types like the others.
 */
export interface Person {
  id: string;
  login: string;
  displayName: { ko: string; en: string };
  email?: string;
  agency?: string;
  roles: string[];
}
export interface Me {
  person: Person;
  csrfToken: string;
}

/** GET /v1/me as sent: `person` and `csrfToken` are null for callers without a session. */
interface MeAnswer {
  person: Person | null;
  csrfToken: string | null;
}

export const ME_KEY = ['me'] as const;

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => undefined);
  return new ApiError(response.status, body);
}

/** The person, or null when nobody is signed in (401). */
export async function fetchMe(): Promise<Me | null> {
  const response = await request('GET', '/v1/me');
  if (response.status === 401) {
    setCsrfToken(undefined);
    return null;
  }
  if (!response.ok) throw await errorOf(response);
  const me = (await response.json()) as MeAnswer;
  // The app lives on the session cookie; any other way in (a bearer token) is no sign-in here.
  if (me.person === null || me.csrfToken === null) return null;
  setCsrfToken(me.csrfToken);
  return { person: me.person, csrfToken: me.csrfToken };
}

export async function signIn(username: string, password: string): Promise<void> {
  const response = await request('POST', '/v1/session', { username, password });
  if (!response.ok) throw await errorOf(response);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  setCsrfToken(csrfToken);
}

export async function signOut(csrfToken: string | undefined): Promise<void> {
  try {
    await fetch('/v1/session', {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
    });
  } finally {
    setCsrfToken(undefined);
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** After sign-in or sign-out: everything cached belonged to the previous person. */
export function useResetSession() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries();
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
  };
}

export function hasRole(me: Me | null | undefined, role: string): boolean {
  return me?.person.roles.includes(role) ?? false;
}
