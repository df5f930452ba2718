import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An agency's webhook as admins see it: the secret is write-only and never comes back. */
export class WebhookDto {
  @ApiProperty({ example: 'KISA' }) agency!: string;
  @ApiProperty({ example: 'https://tasks.kisa.example/liaison' }) url!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: [true], description: 'a secret is set (it is never shown)' })
  secretSet!: true;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A delivery that ran out of retries. */
export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'agency-KISA' }) queue!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ example: 'deliver' }) jobName!: string;
  @ApiPropertyOptional({ example: 'KISA' }) agency?: string;
  @ApiPropertyOptional({ format: 'uuid' }) followUpId?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the job as queued' })
  payload!: Record<string, unknown>;
  @ApiProperty({ description: 'the last failure' }) reason!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) failedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) retriedAt?: string;
  @ApiProperty() retryCount!: number;
  @ApiPropertyOptional({ description: 'the id the last retry was queued under' })
  retryJobId?: string;
}

export class DeadLettersPageDto {
  @ApiProperty({ type: [DeadLetterDto] }) items!: DeadLetterDto[];
}
