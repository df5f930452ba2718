import { AuthRequest, headerValue } from '@liaison/platform';

export const SESSION_COOKIE = 'liaison_session';

/** 32 random bytes, base64url: what `newSessionId` makes and the only shape looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session id in the request's cookie; undefined without one. A malformed value is no id
 * (and is never looked up); a repeated cookie is ambiguous and counts as none.
 */
export function sessionIdOf(request: AuthRequest): string | undefined {
  const header = headerValue(request, 'cookie');
  if (!header || !header.includes(SESSION_COOKIE)) return undefined;
  let found: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    if (found !== undefined) return undefined;
    found = part.slice(eq + 1).trim();
  }
  return found !== undefined && SESSION_ID.test(found) ? found : undefined;
}

/** True when the request carries a session cookie at all, well-formed or not. */
export function hasSessionCookie(request: AuthRequest): boolean {
  const header = headerValue(request, 'cookie');
  return !!header && new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`).test(header);
}

export interface CookieOptions {
  secure: boolean;
  maxAgeS: number;
}

/** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Path=/. */
export function sessionCookie(id: string, options: CookieOptions): string {
  return [
    `${SESSION_COOKIE}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeS}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeS: 0 });
}
