import { DirectoryContext } from './decider';
import { DirectoryForbiddenError } from './directory.errors';

/** Admins keep the directory; `system` is the operators' CLI and the boot-time adoption. */
export function isDirectoryKeeper(ctx: DirectoryContext): boolean {
  return ctx.actor.role === 'admin' || ctx.actor.role === 'system';
}

export function requireAdmin(ctx: DirectoryContext, what: string): void {
  if (!isDirectoryKeeper(ctx)) throw new DirectoryForbiddenError(`only an admin may ${what}`);
}
