/** The OpenID Connect settings (`OidcConfig | undefined`: undefined when OIDC is off). */
export const OIDC_CONFIG = Symbol('OIDC_CONFIG');
/** The directory lookups of the sign-in (`OidcPeopleLookup`, H1's PeopleReader). */
export const OIDC_PEOPLE = Symbol('OIDC_PEOPLE');
