import { Module } from '@nestjs/common';
import { IdentityModule, OidcModule, SecurityEvents } from '@liaison/identity';
import { OidcSessionController } from './oidc-session.controller';

/** GET /v1/session/oidc/start and /callback (404 while OIDC is not configured). */
@Module({
  imports: [OidcModule, IdentityModule],
  controllers: [OidcSessionController],
  // Stateless (it appends to the log): IdentityModule keeps its own instance to itself.
  providers: [SecurityEvents],
})
export class OidcSessionModule {}
