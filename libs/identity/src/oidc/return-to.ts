/** Where a sign-in goes when it names nowhere. */
export const DEFAULT_RETURN_TO = '/';

const BASE = 'http://liaison.invalid';

/**
 * The path a person returns to after signing in: a path on this site and nothing else, so the
 * sign-in cannot be used to send someone to another site with our name on the link (an open
 * redirect). Undefined when `raw` is not such a path; the caller answers 400.
 */
export function safeReturnTo(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return DEFAULT_RETURN_TO;
  // `//host` and `/\host` are read by browsers as another origin; control characters and
  // backslashes have no business in our paths.
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\p{Cc}]/u.test(raw)) {
    return undefined;
  }
  if (raw.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  return url.pathname + url.search + url.hash;
}
