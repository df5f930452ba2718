/** The cookie that binds a pending sign-in to the browser that started it. */
export const FLOW_COOKIE = 'liaison_oidc';
/** Sent back only to the callback (and the start, which replaces it). */
const FLOW_COOKIE_PATH = '/v1/session/oidc';

/** HttpOnly: no script reads it. SameSite=Lax: it still comes with the IdP's top-level redirect
 * back to us, which Strict would drop. */
export function flowCookie(binding: string, maxAgeS: number, secure: boolean): string {
  return [
    `${FLOW_COOKIE}=${binding}`,
    `Path=${FLOW_COOKIE_PATH}`,
    `Max-Age=${maxAgeS}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearedFlowCookie = (secure: boolean) => flowCookie('', 0, secure);

/** One cookie's value from a Cookie header (the binding is base64url: no decoding needed). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
