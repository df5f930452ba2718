import { randomUUID } from 'node:crypto';
import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { CredentialStore, DevelopmentAccounts, hashPassword } from '@liaison/identity';
import { UserRole } from '@liaison/platform';
import { startTestApi, TestApi } from '../support/api';

export const DEMO_PASSWORD = 'liaison-demo';

/**
 * The API for identity specs: its own throttle keys (RATE_LIMIT_PREFIX), TRUST_PROXY on so a
 * spec can speak from other addresses (X-Forwarded-For) and over "HTTPS" (X-Forwarded-Proto),
 * and the development accounts seeded.
 */
export async function startIdentityApi(env: Record<string, string> = {}): Promise<TestApi> {
  process.env.RATE_LIMIT_PREFIX = `spec-${randomUUID().slice(0, 8)}`;
  process.env.TRUST_PROXY = 'true';
  Object.assign(process.env, env);
  const api = await startTestApi();
  await api.app.get(DevelopmentAccounts).seed(DEMO_PASSWORD);
  return api;
}

/** A new person with a password, for specs that change them (deactivate, revoke). */
export async function newPerson(
  api: TestApi,
  roles: UserRole[],
  agency = 'KISA',
  password = DEMO_PASSWORD,
): Promise<{ id: string; login: string; password: string }> {
  const login = `spec.${randomUUID().slice(0, 12)}`;
  const { personId } = await api.app.get(DirectoryCommands).registerPerson(
    {
      login,
      displayName: { ko: '시험', en: 'Spec' },
      email: `${login}@liaison.invalid`,
      agency,
      roles,
    },
    systemMeta('spec'),
  );
  await api.app.get(CredentialStore).set(personId, await hashPassword(password), 'spec');
  return { id: personId, login, password };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

let addressCounter = 0;
/** A distinct client address per call, so specs do not share the per-address throttle. */
export function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${(addressCounter % 250) + 1}`;
}

export async function signIn(
  url: string,
  username: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
}

/** Signs in and returns the cookie to send back and the CSRF token. */
export async function session(
  url: string,
  username: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
): Promise<Session> {
  const res = await signIn(url, username, password, {
    'x-forwarded-for': freshAddress(),
    ...headers,
  });
  if (res.status !== 200)
    throw new Error(`sign-in ${username} → ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0], csrfToken: body.csrfToken, setCookie };
}

/** A JSON request with a session cookie (and the CSRF token unless told not to). */
export async function withSession(
  url: string,
  method: string,
  path: string,
  s: Session | undefined,
  body?: unknown,
  options: { csrf?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(s && { cookie: s.cookie }),
      ...(s && options.csrf !== false && { 'x-csrf-token': s.csrfToken }),
      ...options.headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
    headers: res.headers,
  };
}
