import { AuthenticatedUser, TokenError, verifyToken } from '@liaison/platform';
import { DashboardSessionStore } from './dashboard-sessions';

export const DASHBOARD_PATH = '/admin/queues';
/** Set by POST /admin/queues/session: an opaque session id, so a browser can open the
 * dashboard after presenting a token once. */
export const DASHBOARD_COOKIE = 'liaison_dashboard';

export interface DashboardRequest {
  headers: Record<string, string | string[] | undefined>;
}

export type DashboardAccess =
  | { allowed: true; user: AuthenticatedUser; via: 'bearer' | 'session' }
  | { allowed: false; status: 401 | 403; message: string };

export interface DashboardCredentials {
  jwtSecret: string;
  jwtMaxLifetimeS: number;
  sessions: Pick<DashboardSessionStore, 'find'>;
}

/** Admins only: a bearer token, or the id of a session an admin opened with one. */
export async function dashboardAccess(
  req: DashboardRequest,
  credentials: DashboardCredentials,
): Promise<DashboardAccess> {
  const token = bearerToken(req);
  let user: AuthenticatedUser;
  if (token) {
    try {
      user = verifyToken(token, credentials.jwtSecret, credentials.jwtMaxLifetimeS);
    } catch (err) {
      const message = err instanceof TokenError ? err.message : 'invalid token';
      return { allowed: false, status: 401, message };
    }
  } else {
    const id = cookie(req, DASHBOARD_COOKIE);
    if (!id) return { allowed: false, status: 401, message: 'A bearer token is required' };
    const found = await credentials.sessions.find(id);
    if (!found) return { allowed: false, status: 401, message: 'The session is unknown or over' };
    user = found;
  }
  if (user.role !== 'admin') {
    return {
      allowed: false,
      status: 403,
      message: `Role ${user.role} may not open the queue dashboard`,
    };
  }
  return { allowed: true, user, via: token ? 'bearer' : 'session' };
}

function bearerToken(req: DashboardRequest): string | undefined {
  const header = req.headers.authorization;
  const [scheme, token] = (typeof header === 'string' ? header : '').split(' ');
  return scheme === 'Bearer' && token ? token : undefined;
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
