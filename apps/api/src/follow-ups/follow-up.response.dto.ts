import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALL_FOLLOW_UP_STATUSES,
  CLASSIFICATION_LEVELS,
  FOLLOW_UP_PRIORITIES,
  SOURCE_KINDS,
} from '@liaison/follow-up';
import type {
  ClassificationLevel,
  FollowUpPriority,
  FollowUpStatus,
  SourceKind,
} from '@liaison/follow-up';
import { ClassificationDto } from '../classification/classification.response.dto';

/** What the answers below share: the task's identity, assignment and state. */
class FollowUpSummary {
  @ApiProperty({ format: 'uuid' }) workshopId!: string;
  @ApiProperty({ example: 'MSIT' }) hostAgency!: string;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) sourceKind!: SourceKind;
  @ApiProperty({ example: 'KISA' }) assigneeAgency!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ALL_FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
  @ApiProperty({ enum: FOLLOW_UP_PRIORITIES }) priority!: FollowUpPriority;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() escalated!: boolean;
  @ApiProperty({ description: 'the stream version: send it as If-Match' }) version!: number;
}

class DisplayNameDto {
  @ApiProperty({ example: '김담당' }) ko!: string;
  @ApiProperty({ example: 'Kim Damdang' }) en!: string;
}

/** One row of the board and of an inbox (the `follow_up_board` view). */
export class FollowUpViewDto extends FollowUpSummary {
  @ApiProperty({ format: 'uuid' }) followUpId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the officer (담당자): a person id; null while nobody has claimed the task',
  })
  officerId!: string | null;
  @ApiPropertyOptional({
    type: DisplayNameDto,
    description: 'the officer’s name, when the directory knows them',
  })
  officerName?: DisplayNameDto;
  @ApiProperty({ description: 'global position of the last change' }) lastPosition!: number;
  @ApiProperty() lastEventType!: string;
  @ApiProperty({ format: 'date-time' }) lastChangedAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['contribution'],
    description: 'contribution: a supporting agency’s part (협조) of the lead task',
  })
  kind!: 'contribution' | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'a contribution’s lead task',
  })
  leadFollowUpId!: string | null;
  @ApiProperty({ type: [String], description: 'a lead task’s supporting agencies (협조기관)' })
  supportingAgencies!: string[];
  @ApiProperty({ enum: CLASSIFICATION_LEVELS, description: 'public, restricted or confidential' })
  classificationLevel!: ClassificationLevel;
  @ApiProperty({ type: [String], description: 'restricted: the agencies named' })
  classificationAgencies!: string[];
  @ApiProperty({ type: [String], description: 'confidential: the people named' })
  classificationPeople!: string[];
}

export class FollowUpPageDto {
  @ApiProperty({ type: [FollowUpViewDto] }) items!: FollowUpViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page' })
  nextCursor!: string | null;
  @ApiProperty({ description: 'the view had not reached minPosition when the wait ran out' })
  stale!: boolean;
}

/** One task as its stream says now (GET /follow-ups/:id). */
export class FollowUpDto extends FollowUpSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) followUpId!: string;
  @ApiProperty() exists!: boolean;
  @ApiPropertyOptional({ description: 'the officer (담당자); absent while unclaimed' })
  officerId?: string;
  @ApiPropertyOptional({
    type: DisplayNameDto,
    description: 'the officer’s name, when the directory knows them',
  })
  officerName?: DisplayNameDto;
  @ApiPropertyOptional() instructions?: string;
  @ApiPropertyOptional({ format: 'date-time' }) reminderSentFor?: string;
  @ApiPropertyOptional() routedTo?: string;
  @ApiPropertyOptional() deliveredTo?: string;
  @ApiProperty() routingFailed!: boolean;
  @ApiPropertyOptional({ description: 'the last reason a person gave' }) lastReason?: string;
  @ApiPropertyOptional({ description: 'the submitted response' }) response?: string;
  @ApiProperty({ description: 'how many progress notes' }) notes!: number;
  @ApiPropertyOptional() lastNote?: string;
  @ApiPropertyOptional({ enum: ['contribution'], description: 'a supporting agency’s part (협조)' })
  kind?: 'contribution';
  @ApiPropertyOptional({ format: 'uuid', description: 'a contribution’s lead task' })
  leadFollowUpId?: string;
  @ApiPropertyOptional({
    description: 'a contribution’s lead agency (주관기관): its officers read it',
  })
  leadAgency?: string;
  @ApiPropertyOptional({
    type: () => [ContributionDto],
    description: 'a lead task’s contributions (주관/협조), in the order asked',
  })
  contributions?: ContributionDto[];
  @ApiPropertyOptional({ type: () => ClassificationDto, description: 'absent: public' })
  classification?: ClassificationDto;
}

/** A lead task's record of one contribution. */
class ContributionDto {
  @ApiProperty({ format: 'uuid', description: 'the contribution task' }) contributionId!: string;
  @ApiProperty({ example: 'FSI' }) agency!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    enum: ['requested', 'submitted', 'accepted', 'waived'],
    description: 'requested: not in yet; submitted, accepted: in; waived: not needed',
  })
  status!: string;
  @ApiPropertyOptional() instructions?: string;
  @ApiPropertyOptional({ description: 'the supporting agency’s answer' }) response?: string;
  @ApiPropertyOptional({ description: 'why it was returned or waived' }) reason?: string;
  @ApiProperty({ description: 'the contribution’s version last recorded on the lead' })
  recordedVersion!: number;
}

class HistoryActorDto {
  @ApiProperty({ description: 'a person id, or system' }) id!: string;
  @ApiProperty({ example: 'agency_officer' }) role!: string;
  @ApiPropertyOptional({ example: 'KISA' }) agency?: string;
}

class FollowUpHistoryEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'FollowUpClaimed' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: HistoryActorDto }) actor!: HistoryActorDto;
  @ApiPropertyOptional({ description: 'under a delegation (대결): the person acted for' })
  onBehalfOf?: string;
}

/** A task's timeline (GET /follow-ups/:id/history). */
export class FollowUpHistoryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [FollowUpHistoryEntryDto] }) items!: FollowUpHistoryEntryDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/DisplayNameDto' },
    description: 'display names of the people the items name, by person id (those known)',
  })
  people!: Record<string, DisplayNameDto>;
}
