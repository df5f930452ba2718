import { Injectable, UnauthorizedException } from '@nestjs/common';
import {
  AuthenticatedUser,
  AuthRequest,
  headerValue,
  RequestAuthenticator,
} from '@liaison/platform';
import { isApiKeyShaped, parseApiKey } from './api-key-format';
import { ApiKeysService } from './api-keys.service';

/** `Authorization: Bearer lsk_…`: second in the chain, after the session cookie. */
@Injectable()
export class ApiKeyAuthenticator implements RequestAuthenticator {
  readonly name = 'api_key';

  constructor(private readonly keys: ApiKeysService) {}

  async authenticate(request: AuthRequest): Promise<AuthenticatedUser | undefined> {
    const header = headerValue(request, 'authorization');
    if (!header?.startsWith('Bearer lsk_')) return undefined;
    const token = header.slice('Bearer '.length);
    const parsed = isApiKeyShaped(token) ? parseApiKey(token) : undefined;
    if (!parsed) throw new UnauthorizedException('invalid API key');
    const outcome = await this.keys.check(parsed, request);
    if ('refused' in outcome) throw new UnauthorizedException(outcome.refused);
    return outcome.user;
  }
}
