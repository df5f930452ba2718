import { AgencyCode, CalendarDate, Text } from '../common/validators';

export class RequestInfoRequest {
  @Text(2000, 'Share information on AI security threats') subject!: string;
  @AgencyCode('the requesting agency') requestedBy!: string;
  @AgencyCode('who is asked: an agency or a counterpart such as OPENAI') requestedFrom!: string;
  @CalendarDate(true) dueDate?: string;
}
