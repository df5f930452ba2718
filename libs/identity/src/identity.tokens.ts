/** The sign-in throttle (a SignInThrottle over the shared Redis). */
export const SIGN_IN_THROTTLE = Symbol('SIGN_IN_THROTTLE');

/**
 * The seam for an IdP's JWTs (RS256/ES256 verified against its JWKS): a RequestAuthenticator
 * provided under this token (libs/identity/src/oidc) is asked after the session cookie and the
 * API key, before the development-only HS256 check. Optional: without it, bearer JWTs other than
 * HS256 in development are refused.
 */
export const IDP_TOKEN_AUTHENTICATOR = Symbol('IDP_TOKEN_AUTHENTICATOR');
