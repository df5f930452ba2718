import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { COMMENT_MAX_CHARS } from '@liaison/follow-up';
import { Text } from '../../common/validators';

export class CommentRequest {
  @Text(COMMENT_MAX_CHARS, '@kisa.officer 2024년 양식을 써 주세요.')
  body!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'people to mention besides the `@login`s in the body (for a client that picks people ' +
      'from a list); each must be able to see the task',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: '$property must hold UUIDs of people' })
  mentions?: string[];

  @ApiPropertyOptional({
    description:
      'the text is personal (건강, 연락처, 사정…): stored encrypted under the author’s data key, ' +
      'shown to those who may read the task, "(erased)" once the author is erased; not searched',
  })
  @IsOptional()
  @IsBoolean()
  personal?: boolean;
}
