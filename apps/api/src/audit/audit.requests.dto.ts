import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

export class HistoryRequest {
  @ApiPropertyOptional({ description: 'continue after this cursor ("<transactionId>:<position>")' })
  @IsOptional()
  @Matches(/^\d{1,19}:\d{1,15}$/, { message: '$property must be a cursor from a previous page' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10_000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1)
  @Max(10_000)
  limit?: number;
}

export class AsOfRequest {
  @ApiPropertyOptional({
    example: '2026-11-18T10:00:00Z',
    description: 'as recorded at or before this time',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 timestamp' })
  asOf?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'up to and including this stream version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1)
  @Max(2 ** 31 - 1)
  toVersion?: number;
}

export class AccessLogRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[\w.:@-]{1,200}$/, { message: '$property is not an actor id' })
  actor?: string;

  @ApiPropertyOptional({
    enum: ['verify', 'seal', 'replay', 'read_stream', 'as_of', 'export', 'read_access_log'],
  })
  @IsOptional()
  @IsIn(['verify', 'seal', 'replay', 'read_stream', 'as_of', 'export', 'read_access_log'], {
    message: '$property is not an audit action',
  })
  action?: 'verify' | 'seal' | 'replay' | 'read_stream' | 'as_of' | 'export' | 'read_access_log';

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 timestamp' })
  since?: string;

  @ApiPropertyOptional({ description: 'entries older than this id (the previous page’s next)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
