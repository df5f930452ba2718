import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidationArguments,
} from 'class-validator';

/** A time range that runs forwards: `to` after `from` (each checked on its own first). */
@ValidatorConstraint({ name: 'afterFrom' })
class AfterFrom implements ValidatorConstraintInterface {
  validate(to: unknown, args: ValidationArguments): boolean {
    const from = (args.object as { from?: unknown }).from;
    if (typeof to !== 'string' || typeof from !== 'string') return true;
    const [a, b] = [Date.parse(from), Date.parse(to)];
    return Number.isNaN(a) || Number.isNaN(b) || b > a;
  }
  defaultMessage(): string {
    return '$property must be later than from';
  }
}

const INSTANT_MESSAGE = '$property must be an ISO-8601 timestamp with a time zone';

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

  @ApiPropertyOptional({ example: 'FollowUpAccepted', description: 'only events of this type' })
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z0-9]{1,80}$/, { message: '$property must be an event type name' })
  type?: string;

  @ApiPropertyOptional({
    example: 'follow-up-3f2a…',
    description: 'only this stream’s events (a classified stream is in the history like any)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/, { message: '$property must be a stream id' })
  stream?: string;

  @ApiPropertyOptional({
    description: 'only what this person (or key, key:<id>) did, or what was done for them (대결)',
  })
  @IsOptional()
  @Matches(/^[\w.:@-]{1,200}$/, { message: '$property is not an actor id' })
  actor?: string;

  @ApiPropertyOptional({
    example: '2026-11-18T00:00:00+09:00',
    description: 'recorded at or after',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: INSTANT_MESSAGE })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-19T00:00:00+09:00', description: 'recorded before' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: INSTANT_MESSAGE })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: INSTANT_MESSAGE })
  @Validate(AfterFrom)
  to?: string;
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

/** The export's reason as a parameter: a download link cannot send X-Audit-Reason. */
export class ExportRequest {
  @ApiPropertyOptional({
    description:
      'why you export the log, as X-Audit-Reason (which is read when this is absent); required ' +
      'when the log holds restricted or confidential items (400)',
    example: '2026년 정기 감사',
  })
  @IsOptional()
  @IsString()
  reason?: string;
}
