import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The answers of /v1/meeting-series, described for the OpenAPI document (libs/meetings shapes). */
export class MeetingSeriesSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workshopId!: string;
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty({ example: 'MSIT' }) hostAgency!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'meetings scheduled so far' }) meetings!: number;
  @ApiProperty({ description: 'meetings held' }) held!: number;
  @ApiProperty({ nullable: true, type: String }) nextStartsAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'YYYY-MM-DD' })
  lastHeldOn!: string | null;
  @ApiProperty() version!: number;
}

export class MeetingSeriesListDto {
  @ApiProperty({ type: [MeetingSeriesSummaryDto] }) items!: MeetingSeriesSummaryDto[];
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' }) followUpId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() assigneeAgency!: string;
  @ApiProperty() status!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'the task’s version the agenda was read at' }) version!: number;
  @ApiPropertyOptional({ description: 'carried over: the first meeting whose agenda held it' })
  carriedFrom?: number;
}

export class MeetingAttendeesDto {
  @ApiProperty({ type: [String], description: 'people of the directory (ids)' })
  people!: string[];
  @ApiProperty({ type: [String], description: 'agencies that attended as such' })
  agencies!: string[];
}

export class MeetingDto {
  @ApiProperty() number!: number;
  @ApiProperty({ enum: ['scheduled', 'held', 'cancelled'] })
  status!: 'scheduled' | 'held' | 'cancelled';
  @ApiProperty() startsAt!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiPropertyOptional() location?: string;
  @ApiPropertyOptional({ description: 'the day it was held, YYYY-MM-DD' }) date?: string;
  @ApiPropertyOptional({ type: MeetingAttendeesDto }) attendees?: MeetingAttendeesDto;
  @ApiPropertyOptional({ description: '회의록' }) minutes?: string;
  @ApiPropertyOptional({ type: [String] }) decisions?: string[];
  @ApiPropertyOptional({ type: [AgendaItemDto] }) agenda?: AgendaItemDto[];
  @ApiPropertyOptional() cancelReason?: string;
}

export class MeetingSeriesDetailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workshopId!: string;
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty() hostAgency!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) attendingAgencies!: string[];
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [MeetingDto] }) meetings!: MeetingDto[];
}

class PersonNameDto {
  @ApiProperty({ example: '김담당' }) ko!: string;
  @ApiProperty({ example: 'Kim Officer' }) en!: string;
}

export class MeetingPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'KISA' }) agency!: string;
  @ApiProperty({ type: PersonNameDto }) displayName!: PersonNameDto;
  @ApiProperty({ description: 'still active in the directory' }) active!: boolean;
}

/** Who may be named an attendee, and who was: ids and names only. */
export class MeetingPeopleDto {
  @ApiProperty({ type: [MeetingPersonDto] }) items!: MeetingPersonDto[];
}

/** What a command on a series answers: the series, its new version and log position. */
export class MeetingCommandResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'global log position (read your writes with minPosition)' })
  position!: number;
  @ApiPropertyOptional({ description: 'the meeting’s number, when the command was about one' })
  number?: number;
}
