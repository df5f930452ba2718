import { UserRole } from '@liaison/platform';
import { tokenFor } from './api';

export interface Caller {
  role: UserRole;
  agency?: string;
  token: string;
}

export const caller = (role: UserRole, agency?: string): Caller => ({
  role,
  agency,
  token: tokenFor(role, agency),
});

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON request to the API; bodies that are strings are sent as they are (bad JSON tests). */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  who?: Caller | string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const token = typeof who === 'string' ? who : who?.token;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: res.headers,
  };
}
