import { HttpException } from '@nestjs/common';
import { AuthenticatedUser, AuthRequest, roleFor } from '@liaison/platform';
import { DashboardSessionStore } from './dashboard-sessions';

export const DASHBOARD_PATH = '/admin/queues';
/** Set by POST /admin/queues/session: an opaque session id, so a browser can open the
 * dashboard after presenting a token once. */
export const DASHBOARD_COOKIE = 'liaison_dashboard';

export type DashboardRequest = AuthRequest;

export type DashboardAccess =
  | { allowed: true; user: AuthenticatedUser; via: 'credential' | 'session' }
  | { allowed: false; status: 401 | 403; message: string };

export interface DashboardCredentials {
  /** The API guard's chain: a bearer token, an API key, a signed-in session… */
  identify: (req: AuthRequest) => Promise<AuthenticatedUser>;
  sessions: Pick<DashboardSessionStore, 'find'>;
}

/**
 * Admins only: the id of a dashboard session (what a browser holds), else any credential the
 * API accepts. The dashboard's own session is asked first: bull-board's buttons send no CSRF
 * token, which the API's session cookie would want on a POST.
 */
export async function dashboardAccess(
  req: DashboardRequest,
  credentials: DashboardCredentials,
): Promise<DashboardAccess> {
  const id = req.headers.authorization === undefined ? cookie(req, DASHBOARD_COOKIE) : undefined;
  let user: AuthenticatedUser | undefined;
  if (id !== undefined) {
    user = await credentials.sessions.find(id);
    if (!user) return { allowed: false, status: 401, message: 'The session is unknown or over' };
  } else {
    try {
      user = await credentials.identify(req);
    } catch (err) {
      if (!(err instanceof HttpException)) throw err;
      return { allowed: false, status: err.getStatus() === 403 ? 403 : 401, message: err.message };
    }
  }
  if (roleFor(user, ['admin']) === undefined) {
    const held = (user.roles ?? [user.role]).join(', ');
    return {
      allowed: false,
      status: 403,
      message: `Role ${held} may not open the queue dashboard`,
    };
  }
  return { allowed: true, user, via: id !== undefined ? 'session' : 'credential' };
}

/** The named cookie's value; exported for sign-out. */
export function cookie(req: DashboardRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  for (const part of (typeof header === 'string' ? header : '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // a malformed cookie is no credential, not a server error
    }
  }
  return undefined;
}
