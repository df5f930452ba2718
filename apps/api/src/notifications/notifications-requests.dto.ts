import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class NotificationsListRequest {
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  unread?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;

  /** The `nextBefore` of the previous page. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1)
  before?: number;
}
