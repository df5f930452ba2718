import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthenticatedUser, UserRole } from './user';

export const PUBLIC_ROUTE = 'liaison:public';
export const ALLOWED_ROLES = 'liaison:roles';

/** The route needs no token (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles reach the handler; everyone else gets 403. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ALLOWED_ROLES, roles);

export interface RequestWithUser {
  user?: AuthenticatedUser;
  id?: string;
}

/** The authenticated caller, set by the AuthGuard. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
    const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new Error('CurrentUser used on a route without authentication');
    return user;
  },
);
