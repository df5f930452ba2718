import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Read-your-writes: pass the `position` a command answered with, here or as X-Min-Position
 * (see `@ReadYourWrites()`).
 */
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
