import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Who wrote a comment or attached a file, as the event's metadata recorded it. */
export class CollaborationActorDto {
  @ApiProperty({ description: 'a person id (or a token’s subject)' }) id!: string;
  @ApiProperty({ example: 'agency_officer' }) role!: string;
  @ApiPropertyOptional({ example: 'KISA' }) agency?: string;
  @ApiPropertyOptional({ description: 'under a delegation (대결): the person acted for' })
  onBehalfOf?: string;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({
    description: 'the text; a personal one opened, or "(erased)" once its author is erased',
  })
  body!: string;
  @ApiPropertyOptional({ enum: [true], description: 'marked personal: stored encrypted' })
  personal?: true;
  @ApiProperty({ enum: ['assignee', 'bureau'] }) side!: string;
  @ApiProperty({ type: [String], description: 'person ids the comment mentions' })
  mentions!: string[];
  @ApiProperty({ type: CollaborationActorDto }) author!: CollaborationActorDto;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'its place in the task’s stream (timeline)' }) version!: number;
}

/** GET /follow-ups/:id/comments */
export class CommentsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [CommentDto] }) items!: CommentDto[];
  @ApiProperty({
    type: 'object',
    // The schema the timeline's answer already registers (follow-up.response.dto.ts).
    additionalProperties: { $ref: '#/components/schemas/DisplayNameDto' },
    description: 'display names of the authors and the people mentioned, by person id',
  })
  people!: Record<string, { ko: string; en: string }>;
}

/** POST /follow-ups/:id/comments */
export class CommentResultDto {
  @ApiProperty({ format: 'uuid', description: 'the follow-up' }) id!: string;
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({ type: [String], description: 'the person ids mentioned' }) mentions!: string[];
  @ApiProperty({ description: 'the task’s stream version after the comment' }) version!: number;
  @ApiProperty() position!: number;
}
