import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  FOLLOW_UP_PRIORITIES,
  FollowUpPriority,
  MAX_SUPPORTING_AGENCIES,
} from '@liaison/follow-up';
import { AgencyCode, Instant, OptionalText, Text } from '../common/validators';
import { ContributionRequest } from './contributions/contribution-requests.dto';
import {
  ClassificationRequest,
  OptionalClassification,
} from '../classification/classification.request.dto';

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

  @OfficerId(true, 'the officer (담당자) of the assignee agency to name; absent: unclaimed')
  officerId?: string;

  @ApiPropertyOptional({
    type: [ContributionRequest],
    description:
      'joint task (주관/협조): supporting agencies (협조기관), each given a contribution task',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SUPPORTING_AGENCIES)
  @ValidateNested({ each: true })
  @Type(() => ContributionRequest)
  supportingAgencies?: ContributionRequest[];

  @OptionalClassification() classification?: ClassificationRequest;
}

/** A person of the directory (their uuid), named as a task's officer. */
function OfficerId(optional: boolean, description: string): PropertyDecorator {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ format: 'uuid', description })
      : ApiProperty({ format: 'uuid', description }),
    ...(optional ? [IsOptional()] : []),
    IsUUID('all', { message: '$property must be the UUID of a person' }),
  );
}

export class NoteRequest {
  @Text(10_000, 'Draft circulated to NIS for comment') note!: string;

  @ApiPropertyOptional({
    description:
      'the note is personal (건강, 연락처, 사정…): stored encrypted under the author’s data key, ' +
      'shown to those who may read the task, "(erased)" once the author is erased',
  })
  @IsOptional()
  @IsBoolean()
  personal?: boolean;
}

export class ResponseRequest {
  @Text(50_000, 'Threat briefing attached; summary follows.') response!: string;
}

export class ReasonRequest {
  @Text(2000, 'Needs figures for the last quarter') reason!: string;
}

export class ReassignRequest {
  @AgencyCode('the new assignee (the same agency with a new officerId names a new officer)')
  assigneeAgency!: string;
  @Text(2000, 'KISA owns this relationship') reason!: string;
  @OfficerId(true, 'the new agency’s officer (담당자); absent: the task is unclaimed again')
  officerId?: string;
}

export class HandOverRequest {
  @OfficerId(false, 'a colleague of the same agency who takes the task over')
  officerId!: string;
  @OptionalText(2000, 'On leave from Monday') reason?: string;
}

export class ExtendRequest {
  @Instant() dueAt!: string;
  @Text(2000, 'Waiting on the counterpart') reason!: string;
}
