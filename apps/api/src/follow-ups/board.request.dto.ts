import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ALL_FOLLOW_UP_STATUSES, FollowUpStatus } from '@liaison/follow-up';
import { PageRequestDto } from '../common/read-options';

const toBoolean = Transform(({ value }) =>
  value === 'true' ? true : value === 'false' ? false : value,
);
const toList = Transform(({ value }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
);

export class BoardRequest extends PageRequestDto {
  @ApiPropertyOptional({ example: 'KISA', description: 'the assignee agency' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: '$property must be an agency code such as KISA' })
  agency?: string;

  @ApiPropertyOptional({
    example: 'acknowledged,in_progress',
    description: 'one status or a comma-separated list',
  })
  @IsOptional()
  @toList
  @IsIn(ALL_FOLLOW_UP_STATUSES, {
    each: true,
    message: `$property must be among ${ALL_FOLLOW_UP_STATUSES.join(', ')}`,
  })
  status?: FollowUpStatus[];

  @ApiPropertyOptional({ description: 'true: only open tasks; false: only closed ones' })
  @IsOptional()
  @toBoolean
  @IsBoolean({ message: '$property must be true or false' })
  open?: boolean;

  @ApiPropertyOptional({ description: 'true: only tasks overdue now' })
  @IsOptional()
  @toBoolean
  @IsBoolean({ message: '$property must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  workshopId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the task’s officer (담당자)' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be the UUID of a person' })
  officerId?: string;

  @ApiPropertyOptional({ description: 'true: only tasks nobody has claimed; false: only claimed' })
  @IsOptional()
  @toBoolean
  @IsBoolean({ message: '$property must be true or false' })
  unclaimed?: boolean;

  @ApiPropertyOptional({ enum: ['dueAt', 'lastChangedAt', 'priority'], default: 'dueAt' })
  @IsOptional()
  @IsIn(['dueAt', 'lastChangedAt', 'priority'], {
    message: '$property must be dueAt, lastChangedAt or priority',
  })
  sort?: 'dueAt' | 'lastChangedAt' | 'priority';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: '$property must be asc or desc' })
  order?: 'asc' | 'desc';
}

export class OverdueRequest extends PageRequestDto {
  @ApiPropertyOptional({ example: 'KISA' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: '$property must be an agency code such as KISA' })
  agency?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  workshopId?: string;
}
