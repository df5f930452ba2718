import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, unwrap } from './client';
import type { components } from './schema';

export type Person = components['schemas']['SessionPersonDto'];
type MeAnswer = components['schemas']['MeAnswerDto'];

/** The person signed in by the session cookie, and the token their unsafe requests carry. */
export interface Me {
  person: Person;
  csrfToken: string;
}

export const ME_KEY = ['me'] as const;

/** The person, or null when nobody is signed in (401) or the caller has no session. */
export async function fetchMe(): Promise<Me | null> {
  let me: MeAnswer;
  try {
    me = await unwrap<MeAnswer>(api.GET('/v1/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw err;
  }
  // The app lives on the session cookie; any other way in (a bearer token) is no sign-in here.
  if (me.person === null || me.csrfToken === null) return null;
  setCsrfToken(me.csrfToken);
  return { person: me.person, csrfToken: me.csrfToken };
}

export async function signIn(username: string, password: string): Promise<void> {
  const { csrfToken } = await unwrap(api.POST('/v1/session', { body: { username, password } }));
  setCsrfToken(csrfToken);
}

export async function signOut(): Promise<void> {
  try {
    await unwrap(api.DELETE('/v1/session'));
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

export function hasRole(me: Me | null | undefined, role: Person['roles'][number]): boolean {
  return me?.person.roles.includes(role) ?? false;
}
