import createClient, { type Middleware } from 'openapi-fetch';
import { auditReasonHeader } from './audit-reason';
import type { components, paths } from './schema';

export type FollowUp = components['schemas']['FollowUpDto'];
export type FollowUpRow = components['schemas']['FollowUpViewDto'];
export type FollowUpPage = components['schemas']['FollowUpPageDto'];
export type ErrorBody = components['schemas']['ErrorResponseDto'];
export type CommandResult = components['schemas']['CommandResultDto'];
export type FollowUpHistory = components['schemas']['FollowUpHistoryDto'];

/** An answer the API refused: the status says what the page offers (sign-in, 404 page, reload). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/** The request never got an answer (offline, server down): the page offers to try again. */
export class NetworkError extends Error {}

let csrfToken: string | undefined;

/** The session's CSRF token (from sign-in or /v1/me), sent on every unsafe request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let actingFor: string | undefined;

/**
 * 대결: the person this browser acts for (an active delegation to the signed-in person), sent as
 * `X-On-Behalf-Of` on every request; the API checks the delegation each time.
 */
export function setActingFor(personId: string | undefined): void {
  actingFor = personId;
  for (const listener of actingForListeners) listener();
}

const actingForListeners = new Set<() => void>();

/** For useSyncExternalStore: pages that depend on whom the person acts for re-render. */
export function subscribeActingFor(listener: () => void): () => void {
  actingForListeners.add(listener);
  return () => actingForListeners.delete(listener);
}

export function currentActingFor(): string | undefined {
  return actingFor;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken !== undefined && UNSAFE.has(request.method)) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    // /v1/me stays the signed-in person's own answer (their delegations, their CSRF token).
    if (actingFor !== undefined && !new URL(request.url).pathname.endsWith('/v1/me')) {
      request.headers.set('X-On-Behalf-Of', actingFor);
    }
    return request;
  },
};

/** Same origin, signed in by the session cookie. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);
api.use(auditReasonHeader);

/** openapi-fetch's answer, as data or one of the two errors above. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  if (!result.response.ok) {
    throw new ApiError(result.response.status, result.error as Partial<ErrorBody> | undefined);
  }
  return result.data as T;
}
