import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INBOX_SCOPES, InboxScope } from '@liaison/views';
import { PageRequestDto } from '../common/read-options';

export class InboxRequest extends PageRequestDto {
  @ApiPropertyOptional({
    enum: INBOX_SCOPES,
    default: 'agency',
    description:
      'mine: tasks whose officer (담당자) is the caller, or the person the caller acts for; ' +
      'unclaimed: tasks nobody has claimed; agency: all open tasks of the agency',
  })
  @IsOptional()
  @IsIn(INBOX_SCOPES as unknown as string[], {
    message: `$property must be one of ${INBOX_SCOPES.join(', ')}`,
  })
  scope?: InboxScope;
}
