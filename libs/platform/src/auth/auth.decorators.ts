import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthenticatedUser, UserRole } from './user';

// Stryker disable next-line StringLiteral: equivalent; a metadata key is only ever compared with
// itself (the decorators write it, the guard reads it through the same constant)
export const PUBLIC_ROUTE = 'liaison:public';
// Stryker disable next-line StringLiteral: equivalent, as above
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
