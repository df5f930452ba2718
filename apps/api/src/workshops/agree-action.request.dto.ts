import { IsOptional } from 'class-validator';
import { AgencyCode, AgencyCodes, CalendarDate, Text } from '../common/validators';

export class AgreeActionRequest {
  @Text(2000, 'Continue working-level discussions on AI models in cybersecurity')
  description!: string;
  @AgencyCode() ownerAgency!: string;
  @IsOptional() @AgencyCodes('agencies supporting the owner') supportingAgencies?: string[];
  @CalendarDate(true) dueDate?: string;
}
