import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RECORD_CLASSES, RecordClass, RETENTION_PERIODS, RetentionPeriod } from '@liaison/records';
import { CalendarDate, Text } from '../common/validators';

export class SetRetentionBody {
  @ApiPropertyOptional({ enum: RECORD_CLASSES, description: '기록물 분류' })
  @IsOptional()
  @IsIn(RECORD_CLASSES, { message: `$property must be one of ${RECORD_CLASSES.join(', ')}` })
  recordClass?: RecordClass;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'integer', enum: [1, 3, 5, 10, 30] },
      { type: 'string', enum: ['permanent'] },
    ],
    description: 'years (1, 3, 5, 10, 30) or "permanent" (영구)',
  })
  @IsOptional()
  @IsIn(RETENTION_PERIODS, { message: '$property must be 1, 3, 5, 10, 30 or "permanent"' })
  retention?: RetentionPeriod;

  @Text(2_000, 'The workshop decided national policy: kept permanently')
  reason!: string;
}

export class LegalHoldBody {
  @Text(2_000, 'Litigation 2026가합12345: keep until the judgment is final')
  reason!: string;
}

export class DisposalReviewQuery {
  @CalendarDate(true)
  on?: string;
}

export class RecordDto {
  @ApiProperty({ example: 'follow-up-3f1c…' }) recordId!: string;
  @ApiProperty({ enum: ['workshop', 'follow-up'] }) kind!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) workshopId!: string | null;
  @ApiProperty({ enum: RECORD_CLASSES }) recordClass!: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['permanent'] }] })
  retention!: number | 'permanent';
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2032-01-01' })
  disposalDueOn!: string | null;
  @ApiProperty({ nullable: true, type: Object }) legalHold!: { reason: string } | null;
  @ApiProperty({ nullable: true, type: String }) disposalApprovedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) disposedAt!: string | null;
  @ApiProperty() version!: number;
}

export class DisposalReviewItemDto extends RecordDto {
  @ApiProperty({ description: 'false while a legal hold stands' }) disposable!: boolean;
}

export class DisposalReviewDto {
  @ApiProperty({ example: '2032-02-01' }) on!: string;
  @ApiProperty({ type: [DisposalReviewItemDto] }) items!: DisposalReviewItemDto[];
}

export class DisposalResultDto {
  @ApiProperty({ type: RecordDto }) record!: RecordDto;
  @ApiProperty({ description: 'the RecordDisposed event' })
  disposal!: { position: number; eventId: string };
  @ApiProperty() events!: number;
  @ApiProperty() files!: number;
}
