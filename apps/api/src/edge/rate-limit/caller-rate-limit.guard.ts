import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EDGE_CONFIG, EdgeConfig, RequestWithUser } from '@liaison/platform';
import { FixedWindowLimiter } from './fixed-window';
import { RATE_LIMIT_CLASS, RateLimitClass } from './rate-limit-class.decorator';
import { RATE_LIMITER } from './rate-limiter.provider';
import { TooManyRequestsError } from './too-many-requests';

type Reply = { header(name: string, value: string): unknown };

/**
 * Per-caller limits, after the AuthGuard has said who the caller is (the token's subject): a
 * general allowance for every route, and a small one for full-log audit scans. Per-address
 * limits run earlier, in a Fastify hook, since they need no token.
 */
@Injectable()
export class CallerRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RATE_LIMITER) private readonly limiter: FixedWindowLimiter,
    @Inject(EDGE_CONFIG) private readonly config: EdgeConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const user = http.getRequest<RequestWithUser>().user;
    if (!user) return true; // a public route: the address limit covers it
    const reply = http.getResponse<Reply>();
    await this.check(reply, `caller:${user.id}`, this.config.rateLimitPerCaller, 'for this caller');
    const kind = this.reflector.getAllAndOverride<RateLimitClass | undefined>(RATE_LIMIT_CLASS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (kind === 'audit-scan') {
      const limit = this.config.rateLimitAuditScans;
      await this.check(reply, `scan:${user.id}`, limit, 'of full-log audit scans for this caller');
    }
    return true;
  }

  private async check(reply: Reply, key: string, limit: number, scope: string): Promise<void> {
    const verdict = await this.limiter.hit(key, limit);
    if (verdict.allowed) return;
    reply.header('retry-after', String(verdict.retryAfterS));
    throw new TooManyRequestsError(limit, this.config.rateLimitWindowS, scope, verdict.retryAfterS);
  }
}
