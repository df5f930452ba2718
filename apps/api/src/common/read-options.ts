import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MIN_POSITION_HEADER = 'x-min-position';
export const STALE_HEADER = 'x-liaison-stale';

/** Read-your-writes: pass the `position` a command answered with, here or as X-Min-Position. */
export class ReadYourWritesRequest {
  @ApiPropertyOptional({
    description: 'wait (briefly) until the view includes this global position',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

export class PageRequestDto extends ReadYourWritesRequest {
  @ApiPropertyOptional({ description: 'opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;
}

/** The query's minPosition, else the header's. */
export function minPositionOf(
  query: ReadYourWritesRequest,
  header: string | undefined,
): number | undefined {
  if (query.minPosition !== undefined) return query.minPosition;
  if (header === undefined || header === '') return undefined;
  if (!/^\d{1,15}$/.test(header)) {
    throw new BadRequestException({
      message: 'X-Min-Position must be a global position (an integer)',
      details: [{ field: 'X-Min-Position', problems: ['must be an integer'] }],
    });
  }
  return Number(header);
}

/** A view that could not catch up in time is still answered, flagged by a header. */
export function flagStale(
  reply: { header(name: string, value: string): unknown },
  stale: boolean,
): void {
  if (stale) reply.header(STALE_HEADER, 'true');
}
