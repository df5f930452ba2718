/** The OpenID Connect settings: `OidcConfig`, or null when OIDC is off. */
export const OIDC_CONFIG = Symbol('OIDC_CONFIG');
/** The directory lookups of the sign-in (`OidcPeopleLookup`: the directory's PeopleReader). */
export const OIDC_PEOPLE = Symbol('OIDC_PEOPLE');
/** `OidcSignIn`, or null when sign-in through the IdP is not configured. */
export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');
/** `IdpJwtAuthenticator` for the guard's AUTHENTICATORS, or null without OIDC_API_AUDIENCE. */
export const IDP_JWT_AUTHENTICATOR = Symbol('IDP_JWT_AUTHENTICATOR');
