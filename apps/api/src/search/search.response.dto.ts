import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEARCH_KINDS, SearchKind } from '@liaison/views';

/** One thing found (SearchReader's SearchItem), as the web app's results page links it. */
export class SearchItemDto {
  @ApiProperty({ enum: SEARCH_KINDS }) kind!: SearchKind;
  @ApiProperty({ description: 'the task, comment, workshop or series id' }) id!: string;
  @ApiProperty({ description: 'a comment’s title is its task’s' }) title!: string;
  @ApiProperty({ description: 'the text around the first match, one line' }) snippet!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'a comment’s follow-up' })
  followUpId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'a meeting’s series' }) seriesId?: string;
  @ApiPropertyOptional({ description: 'a meeting’s number in its series' }) number?: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) workshopId!: string | null;
  @ApiProperty() changedAt!: string;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchItemDto] }) items!: SearchItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'the view had not caught up with minPosition in time' })
  stale!: boolean;
}
