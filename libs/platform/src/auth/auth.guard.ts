import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LiaisonConfig } from '../config';
import { EDGE_CONFIG, EdgeConfig } from '../edge';
import { LIAISON_CONFIG } from '../nest/tokens';
import { ALLOWED_ROLES, PUBLIC_ROUTE, RequestWithUser } from './auth.decorators';
import { TokenError, VerifiedTokenCache } from './jwt';
import { UserRole } from './user';

/**
 * Authentication and the role gate of every route, in one place. Which agency's data a caller
 * may touch is decided beside the data (the follow-up policy), since it needs the record.
 * Every decision is logged.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly tokens: VerifiedTokenCache;

  constructor(
    private readonly reflector: Reflector,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    @Inject(EDGE_CONFIG) edge: EdgeConfig,
  ) {
    this.tokens = new VerifiedTokenCache(1000, edge.jwtMaxLifetimeS);
  }

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<
      RequestWithUser & {
        headers: Record<string, string | undefined>;
        method: string;
        url: string;
      }
    >();
    const route = `${request.method} ${request.url}`;
    // Stryker disable next-line StringLiteral: equivalent; any stand-in without a bearer token is
    // refused below alike
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      this.logger.warn({ decision: 'deny', status: 401, route, reason: 'no bearer token' });
      throw new UnauthorizedException('A bearer token is required');
    }
    try {
      request.user = this.tokens.verify(token, this.config.jwtSecret);
    } catch (err) {
      const reason = err instanceof TokenError ? err.message : 'invalid token';
      this.logger.warn({ decision: 'deny', status: 401, route, reason });
      throw new UnauthorizedException(reason);
    }
    const user = request.user;
    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(
      ALLOWED_ROLES,
      targets,
    );
    if (allowed && !allowed.includes(user.role)) {
      this.logger.warn({ decision: 'deny', status: 403, route, user: user.id, role: user.role });
      throw new ForbiddenException(`Role ${user.role} may not use ${route}`);
    }
    this.logger.log({
      decision: 'allow',
      route,
      user: user.id,
      role: user.role,
      agency: user.agency,
    });
    return true;
  }
}
