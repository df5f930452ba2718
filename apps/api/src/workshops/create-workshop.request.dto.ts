import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import {
  ClassificationRequest,
  OptionalClassification,
} from '../classification/classification.request.dto';
import { AgencyCode, AgencyCodes, CalendarDate, OptionalText, Text } from '../common/validators';

export class CreateWorkshopRequest {
  @Text(300, 'AI security workshop with OpenAI') title!: string;
  @CalendarDate() heldOn!: string;
  @AgencyCode('the hosting agency; must be the caller’s own') hostAgency!: string;
  @AgencyCodes('outside counterparts, e.g. OPENAI') counterparts!: string[];
  @AgencyCodes('agencies in the room') attendingAgencies!: string[];

  @ApiProperty({ type: [String], example: ['AI models in cybersecurity'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  topics!: string[];

  @OptionalText(10_000, 'Agreed to continue working-level discussions.') summary?: string;

  @OptionalClassification() classification?: ClassificationRequest;
}
