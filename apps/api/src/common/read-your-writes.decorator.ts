import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ReadYourWritesRequest } from './read-options';

export const MIN_POSITION_HEADER = 'x-min-position';
export const STALE_HEADER = 'x-liaison-stale';

type Reply = { header(name: string, value: string): unknown };

/**
 * Read-your-writes for one request: the position its views must include (the query's
 * `minPosition`, else the X-Min-Position header) and, on the way out, the header that says they
 * could not catch up in time. The header is read in the handler, after the query passed its
 * pipe, so a wrong query is refused before a wrong header.
 */
export class FreshRead {
  constructor(
    private readonly header: string | undefined,
    private readonly reply: Reply,
  ) {}

  /** The query's options, with the position to wait for. */
  of<T extends ReadYourWritesRequest>(query: T): T & { minPosition: number | undefined } {
    return { ...query, minPosition: this.minPosition(query) };
  }

  /** The view's answer, flagged by a header when it is older than the position asked for. */
  answer<T extends { stale: boolean }>(result: T): T {
    if (result.stale) this.reply.header(STALE_HEADER, 'true');
    return result;
  }

  private minPosition(query: ReadYourWritesRequest): number | undefined {
    if (query.minPosition !== undefined) return query.minPosition;
    const header = this.header;
    if (header === undefined || header === '') return undefined;
    if (!/^\d{1,15}$/.test(header)) {
      throw new BadRequestException({
        message: 'X-Min-Position must be a global position (an integer)',
        details: [{ field: 'X-Min-Position', problems: ['must be an integer'] }],
      });
    }
    return Number(header);
  }
}

/** The request's read-your-writes (see FreshRead): `@ReadYourWrites() read: FreshRead`. */
export const ReadYourWrites = createParamDecorator(
  (_data: unknown, context: ExecutionContext): FreshRead => {
    const http = context.switchToHttp();
    const { headers } = http.getRequest<{ headers: Record<string, string | undefined> }>();
    return new FreshRead(headers[MIN_POSITION_HEADER], http.getResponse<Reply>());
  },
);
