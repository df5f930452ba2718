import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  Logger,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LiaisonConfig } from '../config';
import { EDGE_CONFIG, EdgeConfig } from '../edge';
import { redactedUrl } from '../logging/request-ids';
import { LIAISON_CONFIG } from '../nest/tokens';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import {
  AUTHENTICATORS,
  AuthRequest,
  DelegationResolver,
  DELEGATIONS,
  headerValue,
  ON_BEHALF_OF_HEADER,
  RequestAuthenticator,
} from './authenticator';
import { SharedSecretJwtAuthenticator } from './shared-secret-jwt.authenticator';
import { AuthenticatedUser, UserRole } from './user';

/**
 * What an acting colleague (대결) may do for someone: their duties at their agency. The powers of
 * an administrator or an auditor are granted in the directory, where they are on the record as
 * roles, never borrowed through a delegation.
 */
export const DELEGABLE_ROLES: readonly UserRole[] = ['bureau_head', 'agency_officer'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authentication and the role gate of every route, in one place. Which agency's data a caller
 * may touch is decided beside the data (the follow-up policy), since it needs the record.
 * Every decision is logged.
 *
 * Authentication is a chain (AUTHENTICATORS, then the shared-secret JWT last): the guard stays
 * here, in the bottom layer every app imports, and the ways of signing in that need tables
 * (sessions, API keys: libs/identity) or an IdP (libs/identity/src/oidc) come in through the
 * injection token, so libs/platform imports none of them.
 */
/** The route as access lines name it: an auditor's export reason (free text) is kept out. */
const routeOf = (request: AuthRequest) => `${request.method} ${redactedUrl(request.url)}`;

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly chain: readonly RequestAuthenticator[];

  constructor(
    private readonly reflector: Reflector,
    @Inject(LIAISON_CONFIG) config: LiaisonConfig,
    @Inject(EDGE_CONFIG) edge: EdgeConfig,
    @Optional() @Inject(AUTHENTICATORS) authenticators?: readonly RequestAuthenticator[],
    @Optional() @Inject(DELEGATIONS) private readonly delegations?: DelegationResolver,
  ) {
    this.chain = [
      ...(authenticators ?? []),
      ...(config.hs256Enabled !== false
        ? [new SharedSecretJwtAuthenticator(config.jwtSecret, edge.jwtMaxLifetimeS)]
        : []),
    ];
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthRequest>();
    const route = routeOf(request);
    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(
      ALLOWED_ROLES,
      targets,
    );
    const user = await this.authorize(request, allowed);
    request.user = user;
    this.logger.log({
      decision: 'allow',
      route,
      user: user.id,
      role: user.role,
      agency: user.agency,
      ...(user.via !== undefined && { via: user.via }),
      ...(user.onBehalfOf !== undefined && { onBehalfOf: user.onBehalfOf.id }),
    });
    return true;
  }

  /**
   * The caller as they are now, acting in the first of `allowed` they hold (delegation too), or
   * the HTTP answer thrown (401, 403). For every request, and again for a long-lived one (a
   * live stream) whose credential may end while it stays open.
   */
  async authorize(
    request: AuthRequest,
    allowed: readonly UserRole[] | undefined,
  ): Promise<AuthenticatedUser> {
    const route = routeOf(request);
    let user = await this.identify(request);
    const onBehalfOf = headerValue(request, ON_BEHALF_OF_HEADER);
    if (request.headers[ON_BEHALF_OF_HEADER] !== undefined) {
      user = await this.actFor(user, onBehalfOf, route);
    }
    const role = roleFor(user, allowed);
    if (role === undefined) {
      this.logger.warn({ decision: 'deny', status: 403, route, user: user.id, role: user.role });
      const held = (user.roles ?? [user.role]).join(', ') || 'no role';
      throw new ForbiddenException(`Role ${held} may not use ${route}`);
    }
    return { ...user, role };
  }

  /**
   * Who the caller is, by the chain (no role check): also used by the routes outside Nest's
   * router (the API docs, the queue dashboard), so they accept every credential the API does.
   * Throws the HTTP answer (401, or 403 from a credential that fails its own check).
   */
  async identify(request: AuthRequest): Promise<AuthenticatedUser> {
    const route = routeOf(request);
    for (const authenticator of this.chain) {
      let user: AuthenticatedUser | undefined;
      try {
        user = await authenticator.authenticate(request);
      } catch (err) {
        const known = err instanceof HttpException;
        const status = known ? err.getStatus() : 401;
        const reason = known ? err.message : 'invalid credentials';
        this.logger.warn({ decision: 'deny', status, route, reason, via: authenticator.name });
        throw known ? err : new UnauthorizedException(reason);
      }
      if (user) return user;
    }
    const authorization = headerValue(request, 'authorization');
    // Stryker disable next-line StringLiteral: equivalent; any stand-in for a missing header that
    // does not start with 'Bearer ' reads as no bearer token alike
    const bearer = /^Bearer ./.test(authorization ?? '');
    const reason = bearer ? 'bearer token not accepted' : 'no credentials';
    this.logger.warn({ decision: 'deny', status: 401, route, reason });
    throw new UnauthorizedException(
      bearer ? 'invalid token' : 'Sign in, or send an API key or a bearer token',
    );
  }

  /** X-On-Behalf-Of: act with the delegator's agency and roles; `id` stays the actor's. */
  private async actFor(
    actor: AuthenticatedUser,
    delegatorId: string | undefined,
    route: string,
  ): Promise<AuthenticatedUser> {
    const delegator =
      // Stryker disable next-line StringLiteral: equivalent; a repeated header (undefined) is no
      // uuid whatever text stands in for it
      UUID.test(delegatorId ?? '') && this.delegations
        ? await this.delegations.delegatorFor(actor, delegatorId!.toLowerCase(), new Date())
        : undefined;
    if (!delegator) {
      const reason = 'no active delegation for X-On-Behalf-Of';
      this.logger.warn({ decision: 'deny', status: 403, route, user: actor.id, reason });
      throw new ForbiddenException(
        `X-On-Behalf-Of: no active delegation from ${delegatorId ?? '(repeated header)'} to you`,
      );
    }
    const roles = delegator.roles.filter((role) => DELEGABLE_ROLES.includes(role));
    if (roles.length === 0) {
      this.logger.warn({
        decision: 'deny',
        status: 403,
        route,
        user: actor.id,
        reason: 'no duty to act for',
      });
      throw new ForbiddenException(
        `X-On-Behalf-Of: ${delegatorId} holds no role a colleague may act in (${DELEGABLE_ROLES.join(', ')})`,
      );
    }
    return {
      ...actor,
      role: roles[0],
      roles,
      agency: delegator.agency,
      onBehalfOf: {
        id: delegator.id,
        ...(delegator.name !== undefined && { name: delegator.name }),
      },
    };
  }
}

/**
 * The role this request acts in: the first role the caller holds that the route allows, or the
 * first role held on a route open to any role. Undefined: none of them may.
 */
export function roleFor(
  user: AuthenticatedUser,
  allowed: readonly UserRole[] | undefined,
): UserRole | undefined {
  const held = user.roles ?? [user.role];
  if (!allowed) return held[0];
  return held.find((role) => allowed.includes(role));
}
