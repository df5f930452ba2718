import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { BoardRequest } from '../follow-ups/board.request.dto';
import { ReadYourWritesRequest } from '../common/read-options';

const LANG = () => IsIn(['ko', 'en'], { message: '$property must be ko or en' });

/** The board's filters and sort, validated as the board validates them, and the language.
 * `cursor` and `limit` are the board's paging: an export holds every row, so they are ignored. */
export class BoardExportRequest extends BoardRequest {
  @ApiPropertyOptional({
    enum: ['ko', 'en'],
    description: 'headers and labels; else Accept-Language, else ko',
  })
  @IsOptional()
  @LANG()
  lang?: 'ko' | 'en';
}

export class ProgressExportRequest extends ReadYourWritesRequest {
  @ApiPropertyOptional({
    enum: ['ko', 'en'],
    description: 'headers and labels; else Accept-Language, else ko',
  })
  @IsOptional()
  @LANG()
  lang?: 'ko' | 'en';
}
