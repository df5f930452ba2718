import { Module } from '@nestjs/common';
import { IdentityModule } from '@liaison/identity';
import { ApiKeysController } from '../api-keys/api-keys.controller';
import { SessionController } from './session.controller';

/**
 * Sign-in, sessions, passwords and API keys over HTTP. Re-exports IdentityModule so that the
 * app's AuthGuard (provided in AppModule) finds the AUTHENTICATORS and DELEGATIONS it injects.
 */
@Module({
  imports: [IdentityModule],
  controllers: [SessionController, ApiKeysController],
  exports: [IdentityModule],
})
export class IdentityApiModule {}
