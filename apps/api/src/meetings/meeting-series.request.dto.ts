import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AgencyCodes, CalendarDate, Instant, OptionalText, Text } from '../common/validators';

export class StartMeetingSeriesRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  workshopId!: string;

  @ApiProperty({ format: 'uuid', description: 'the agreed action the series carries out' })
  @IsUUID('all', { message: '$property must be a UUID' })
  actionId!: string;

  @OptionalText(300, 'AI 보안 실무 협의') title?: string;
}

export class ScheduleMeetingRequest {
  @Instant() startsAt!: string;

  @ApiPropertyOptional({ minimum: 5, maximum: 1440, default: 60 })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number of minutes' })
  @Min(5)
  @Max(1440)
  durationMinutes?: number;

  @OptionalText(300, '정부세종청사 6동 회의실') location?: string;
}

export class AttendeesRequest {
  @ApiProperty({ type: [String], description: 'people of the directory (ids)' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each of $property must be the UUID of a person' })
  people!: string[];

  @IsOptional()
  @AgencyCodes('agencies or counterparts that attended as such')
  agencies?: string[];
}

export class HoldMeetingRequest {
  @CalendarDate() date!: string;

  @ApiProperty({ type: AttendeesRequest })
  @ValidateNested()
  @Type(() => AttendeesRequest)
  attendees!: AttendeesRequest;

  @Text(20_000, '위협 정보 공유 채널을 개설하기로 하였다.') minutes!: string;

  @ApiProperty({ type: [String], example: ['공유 채널 개설'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  decisions!: string[];
}

export class CancelMeetingRequest {
  @Text(2000, 'rescheduled') reason!: string;
}

export class MeetingSeriesListRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  workshopId?: string;
}
