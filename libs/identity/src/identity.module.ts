import { Module, Provider } from '@nestjs/common';
import { DirectoryModule } from '@liaison/directory';
import {
  AUTHENTICATORS,
  DELEGATIONS,
  EDGE_CONFIG,
  EdgeConfig,
  REDIS,
  RequestAuthenticator,
} from '@liaison/platform';
import { ApiKeyAuthenticator } from './api-keys/api-key.authenticator';
import { ApiKeysService } from './api-keys/api-keys.service';
import { CredentialRecheck } from './credential-recheck';
import { IDENTITY_CONFIG, IdentityConfig, loadIdentityConfig } from './config/identity-config';
import { DirectoryDelegations } from './delegation/delegation-resolver';
import { DevelopmentAccounts } from './development-accounts/development-accounts';
import { SIGN_IN_THROTTLE } from './identity.tokens';
import { IDP_JWT_AUTHENTICATOR, OidcModule } from './oidc';
import { CredentialStore } from './passwords/credential-store';
import { PasswordService } from './passwords/password.service';
import { SecurityEvents } from './security-events/security-events';
import { SessionAuthenticator } from './sessions/session.authenticator';
import { SessionService } from './sessions/session.service';
import { SignInService } from './sessions/sign-in.service';
import { SignInThrottle, ThrottleRedis } from './throttle/sign-in-throttle';

const throttleProvider: Provider = {
  provide: SIGN_IN_THROTTLE,
  inject: [REDIS, EDGE_CONFIG, IDENTITY_CONFIG],
  useFactory: (redis: ThrottleRedis, edge: EdgeConfig, config: IdentityConfig) =>
    new SignInThrottle(
      redis,
      edge.rateLimitPrefix,
      {
        freeFailures: config.signInFreeFailuresPerAccount,
        baseDelayMs: 1000,
        maxDelayMs: config.signInMaxDelayS * 1000,
      },
      {
        freeFailures: config.signInFreeFailuresPerAddress,
        baseDelayMs: 1000,
        maxDelayMs: config.signInMaxDelayS * 1000,
      },
    ),
};

/**
 * The AuthGuard's chain (libs/platform/src/auth): the session cookie, then API keys, then the
 * IdP's JWTs when OIDC is configured for machines (OidcModule provides null otherwise); the
 * guard adds the development-only HS256 check last.
 */
const authenticatorsProvider: Provider = {
  provide: AUTHENTICATORS,
  inject: [SessionAuthenticator, ApiKeyAuthenticator, IDP_JWT_AUTHENTICATOR],
  useFactory: (
    session: SessionAuthenticator,
    apiKey: ApiKeyAuthenticator,
    idp: RequestAuthenticator | null,
  ): RequestAuthenticator[] => [session, apiKey, ...(idp ? [idp] : [])],
};

/**
 * People signing in and machines calling: passwords, the sign-in throttle, sessions and CSRF,
 * API keys, delegation for the guard, security events, the development accounts. Needs the
 * platform (pool, Redis, edge config), the event store and the directory.
 */
@Module({
  imports: [DirectoryModule, OidcModule],
  providers: [
    // configuration (validated when the app is created)
    { provide: IDENTITY_CONFIG, useFactory: () => loadIdentityConfig() },
    // passwords
    CredentialStore,
    PasswordService,
    throttleProvider,
    // sessions
    SessionService,
    SignInService,
    SessionAuthenticator,
    // machines
    ApiKeysService,
    ApiKeyAuthenticator,
    // for what outlives a request (the queue dashboard's session)
    CredentialRecheck,
    // the guard's seams
    authenticatorsProvider,
    { provide: DELEGATIONS, useClass: DirectoryDelegations },
    // the log
    SecurityEvents,
    // development
    DevelopmentAccounts,
  ],
  exports: [
    AUTHENTICATORS,
    DELEGATIONS,
    IDENTITY_CONFIG,
    SessionService,
    SignInService,
    PasswordService,
    ApiKeysService,
    CredentialRecheck,
    DevelopmentAccounts,
    DirectoryModule,
  ],
})
export class IdentityModule {}
