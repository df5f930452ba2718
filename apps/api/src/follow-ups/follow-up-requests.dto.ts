import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { FOLLOW_UP_PRIORITIES, FollowUpPriority } from '@liaison/follow-up';
import { AgencyCode, Instant, OptionalText, Text } from '../common/validators';

export class AssignFollowUpRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  workshopId!: string;
  @ApiProperty({ format: 'uuid', description: 'the agreed action or info request this follows' })
  @IsUUID('all', { message: '$property must be a UUID' })
  sourceId!: string;
  @AgencyCode('the agency that does the work (never a counterpart)') assigneeAgency!: string;
  @Text(300, 'Brief on AI-enabled threats to financial systems') title!: string;
  @OptionalText(10_000, 'Coordinate with FSI.') instructions?: string;
  @Instant() dueAt!: string;

  @ApiPropertyOptional({ enum: FOLLOW_UP_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(FOLLOW_UP_PRIORITIES as unknown as string[], {
    message: `$property must be one of ${FOLLOW_UP_PRIORITIES.join(', ')}`,
  })
  priority?: FollowUpPriority;
}

export class NoteRequest {
  @Text(10_000, 'Draft circulated to NIS for comment') note!: string;
}

export class ResponseRequest {
  @Text(50_000, 'Threat briefing attached; summary follows.') response!: string;
}

export class ReasonRequest {
  @Text(2000, 'Needs figures for the last quarter') reason!: string;
}

export class ReassignRequest {
  @AgencyCode('the new assignee') assigneeAgency!: string;
  @Text(2000, 'KISA owns this relationship') reason!: string;
}

export class ExtendRequest {
  @Instant() dueAt!: string;
  @Text(2000, 'Waiting on the counterpart') reason!: string;
}
