import { AuthenticatedUser, TokenError, verifyToken } from '@liaison/platform';

export const DASHBOARD_PATH = '/admin/queues';
/** Set by POST /admin/queues/session, so a browser can open the dashboard with a token once. */
export const DASHBOARD_COOKIE = 'liaison_dashboard';

export interface DashboardRequest {
  headers: Record<string, string | string[] | undefined>;
}

export type DashboardAccess =
  | { allowed: true; user: AuthenticatedUser }
  | { allowed: false; status: 401 | 403; message: string };

/** Admins only: a bearer token, or the dashboard's session cookie holding one. */
export function dashboardAccess(req: DashboardRequest, jwtSecret: string): DashboardAccess {
  const token = bearerToken(req) ?? cookie(req, DASHBOARD_COOKIE);
  if (!token) return { allowed: false, status: 401, message: 'A bearer token is required' };
  let user: AuthenticatedUser;
  try {
    user = verifyToken(token, jwtSecret);
  } catch (err) {
    return {
      allowed: false,
      status: 401,
      message: err instanceof TokenError ? err.message : 'invalid token',
    };
  }
  if (user.role !== 'admin') {
    return {
      allowed: false,
      status: 403,
      message: `Role ${user.role} may not open the queue dashboard`,
    };
  }
  return { allowed: true, user };
}

function bearerToken(req: DashboardRequest): string | undefined {
  const header = req.headers.authorization;
  const [scheme, token] = (typeof header === 'string' ? header : '').split(' ');
  return scheme === 'Bearer' && token ? token : undefined;
}

function cookie(req: DashboardRequest, name: string): string | undefined {
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
