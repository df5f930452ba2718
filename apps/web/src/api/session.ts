import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { setAuditReason } from './audit-reason';
import {
  api,
  ApiError,
  currentActingFor,
  setActingFor,
  setCsrfToken,
  subscribeActingFor,
  unwrap,
} from './client';
import type { components } from './schema';

export type Person = components['schemas']['SessionPersonDto'];
type MeAnswer = components['schemas']['MeAnswerDto'];

/** The person signed in by the session cookie, and the token their unsafe requests carry. */
export type Delegation = components['schemas']['MeDelegationDto'];

export interface Me {
  person: Person;
  csrfToken: string;
  /** Delegations to this person in force now: whom they may act for (대결). */
  actingFor: Delegation[];
  /** Every delegation given or received that is not over (current and upcoming). */
  delegations: Delegation[];
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
  const now = Date.now();
  const personId = me.person.id;
  const actingFor = (me.delegations ?? []).filter(
    (d) => d.toPerson === personId && Date.parse(d.startsAt) <= now && now < Date.parse(d.endsAt),
  );
  return {
    person: me.person,
    csrfToken: me.csrfToken,
    actingFor,
    delegations: me.delegations ?? [],
  };
}

export async function signIn(username: string, password: string): Promise<void> {
  setAuditReason(undefined); // a reason is one person's, for one sign-in
  const { csrfToken } = await unwrap(api.POST('/v1/session', { body: { username, password } }));
  setCsrfToken(csrfToken);
}

export async function signOut(): Promise<void> {
  setActingFor(undefined);
  setAuditReason(undefined);
  try {
    await unwrap(api.DELETE('/v1/session'));
  } finally {
    setCsrfToken(undefined);
  }
}

/** Whom this browser acts for now (대결), or undefined: re-renders when it changes. */
export function useActingFor(): string | undefined {
  return useSyncExternalStore(subscribeActingFor, currentActingFor);
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
