import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SEARCH_KINDS, SearchKind } from '@liaison/views';
import { ReadYourWritesRequest } from '../common/read-options';

const toList = Transform(({ value }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
);

export class SearchRequestDto extends ReadYourWritesRequest {
  @ApiProperty({
    example: '위협 정보',
    description: 'words to find (all of them), Korean or English',
  })
  @IsString({ message: '$property must be text' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(100, { message: '$property must be at most 100 characters' })
  q!: string;

  @ApiPropertyOptional({ example: 'follow-up,comment', description: 'one kind or a list' })
  @IsOptional()
  @toList
  @IsIn(SEARCH_KINDS, { each: true, message: `$property must be among ${SEARCH_KINDS.join(', ')}` })
  kind?: SearchKind[];

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional({ description: 'opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
