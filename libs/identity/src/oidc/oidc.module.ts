import { Module } from '@nestjs/common';
import { DirectoryModule, PeopleReader } from '@liaison/directory';
import { EDGE_CONFIG, EdgeConfig } from '@liaison/platform';
import { IdpJwtAuthenticator } from './idp-jwt.authenticator';
import { IdpJwtVerifier } from './idp-jwt.verifier';
import { OidcConfig, loadOidcConfig } from './oidc.config';
import { OidcFlowStore } from './oidc-flow.store';
import { OidcPeopleLookup, OidcSignIn } from './oidc-sign-in.service';
import { IDP_JWT_AUTHENTICATOR, OIDC_CONFIG, OIDC_PEOPLE, OIDC_SIGN_IN } from './oidc.tokens';

/**
 * OpenID Connect: people's sign-in and machines' IdP JWTs. The configuration is read (and
 * refused if half-done) at boot; what is not configured is provided as null, so the routes
 * answer 404 and the guard's chain leaves the authenticator out.
 */
@Module({
  imports: [DirectoryModule],
  providers: [
    // configuration
    { provide: OIDC_CONFIG, useFactory: () => loadOidcConfig() ?? null },
    // people
    OidcFlowStore,
    { provide: OIDC_PEOPLE, useExisting: PeopleReader },
    {
      provide: OIDC_SIGN_IN,
      inject: [OIDC_CONFIG, OidcFlowStore, OIDC_PEOPLE],
      useFactory: (config: OidcConfig | null, flows: OidcFlowStore, people: OidcPeopleLookup) =>
        config?.signIn ? new OidcSignIn(config, flows, people) : null,
    },
    // machines
    {
      provide: IDP_JWT_AUTHENTICATOR,
      inject: [OIDC_CONFIG, EDGE_CONFIG],
      useFactory: (config: OidcConfig | null, edge: EdgeConfig) =>
        config?.machine
          ? new IdpJwtAuthenticator(
              new IdpJwtVerifier(config, { maxLifetimeS: edge.jwtMaxLifetimeS }),
            )
          : null,
    },
  ],
  exports: [OIDC_CONFIG, OIDC_SIGN_IN, IDP_JWT_AUTHENTICATOR],
})
export class OidcModule {}
