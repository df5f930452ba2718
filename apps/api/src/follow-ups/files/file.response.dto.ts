import { ApiProperty } from '@nestjs/swagger';
import { CollaborationActorDto } from '../comments/comment.response.dto';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ example: '회신 문서.pdf' }) name!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ example: 'application/pdf', description: 'decided from the content' })
  mediaType!: string;
  @ApiProperty({ description: 'SHA-256 of the content, lower-case hex' }) sha256!: string;
  @ApiProperty({ type: CollaborationActorDto }) attachedBy!: CollaborationActorDto;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() version!: number;
}

/** GET /follow-ups/:id/files */
export class AttachmentsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [AttachmentDto] }) items!: AttachmentDto[];
  @ApiProperty({
    type: 'object',
    // The schema the timeline's answer already registers (follow-up.response.dto.ts).
    additionalProperties: { $ref: '#/components/schemas/DisplayNameDto' },
    description: 'display names of those who attached, by person id',
  })
  people!: Record<string, { ko: string; en: string }>;
}

/** POST /follow-ups/:id/files */
export class UploadResultDto {
  @ApiProperty({ format: 'uuid', description: 'the follow-up' }) id!: string;
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty() position!: number;
}
