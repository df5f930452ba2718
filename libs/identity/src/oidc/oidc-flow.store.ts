import { Inject, Injectable } from '@nestjs/common';
import { REDIS, RedisClient } from '@liaison/platform';

/** What the callback needs from the start of a sign-in: kept server-side, never in the URL. */
export interface OidcFlow {
  codeVerifier: string;
  nonce: string;
  /** The same-origin path the person goes back to. */
  returnTo: string;
  /** The redirect_uri sent to the IdP; the token request must repeat it exactly. */
  redirectUri: string;
  /** sha256 of the browser-binding cookie: a flow started in one browser cannot end in another. */
  binding: string;
}

/** Long enough to type a password and answer a second factor at the IdP, no longer. */
export const OIDC_FLOW_TTL_S = 600;
const PREFIX = 'liaison:oidc:flow:';

/**
 * Pending sign-ins in Redis, keyed by their `state`. `take` reads and deletes in one command
 * (GETDEL), so a state, and with it the callback URL, works once: a replayed callback finds
 * nothing, even when two arrive at the same time.
 */
@Injectable()
export class OidcFlowStore {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async put(state: string, flow: OidcFlow): Promise<void> {
    await this.redis.set(PREFIX + state, JSON.stringify(flow), 'EX', OIDC_FLOW_TTL_S);
  }

  async take(state: string): Promise<OidcFlow | undefined> {
    const raw = await this.redis.getdel(PREFIX + state);
    return raw === null ? undefined : (JSON.parse(raw) as OidcFlow);
  }
}
