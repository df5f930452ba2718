import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CommandMeta } from '@liaison/follow-up';
import { AuthenticatedUser, correlationIdOf } from '@liaison/platform';

/** `If-Match: 3` (also `"3"` or `W/"3"`): the stream version the caller last saw. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new BadRequestException({
      message: 'If-Match must be a stream version number',
      details: [{ field: 'If-Match', problems: ['must be a stream version number'] }],
    });
  }
  return Number(match[1]);
}

/** The caller, the correlation id, the If-Match version and the Idempotency-Key binding. */
export const CommandContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandMeta => {
    const http = ctx.switchToHttp().getRequest<{
      id: string;
      user?: AuthenticatedUser;
      headers: Record<string, string | undefined>;
      idempotencySeed?: string;
    }>();
    if (!http.user) throw new Error('CommandContext used on a route without authentication');
    const { id, name, role, agency, onBehalfOf } = http.user;
    return {
      // Under a delegation (대결) the guard already gave the request the delegator's agency and
      // role; `onBehalfOf` goes on into every event's metadata (`on_behalf_of`).
      actor: {
        id,
        role,
        ...(name !== undefined && { name }),
        ...(agency !== undefined && { agency }),
        ...(onBehalfOf !== undefined && { onBehalfOf }),
      },
      correlationId: correlationIdOf(http),
      causationId: http.id,
      expectedVersion: parseIfMatch(http.headers['if-match']),
      ...(http.idempotencySeed !== undefined && { idempotencySeed: http.idempotencySeed }),
    };
  },
);
