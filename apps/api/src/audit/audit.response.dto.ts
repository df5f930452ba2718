import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An event as the audit routes return it. */
export class AuditEventDto {
  @ApiProperty() position!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'actor, role, agency…' })
  metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() hash!: string;
}

/** A stream as it stood at a time or version, with the events that made it. */
export class AsOfDto {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) asOf!: string | null;
  @ApiProperty({ description: 'the stream version at that point (0: not yet there)' })
  version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the folded state' })
  state!: Record<string, unknown>;
  @ApiProperty({ type: [AuditEventDto] }) events!: AuditEventDto[];
}

class BrokenEventDto {
  @ApiProperty() position!: number;
  @ApiPropertyOptional() streamId?: string;
  @ApiPropertyOptional() version?: number;
  @ApiProperty() problem!: string;
  @ApiProperty({ enum: ['chain', 'seal'] }) check!: 'chain' | 'seal';
}

/** The integrity check's verdict (GET /audit/verify). */
export class VerifyReportDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'events whose chains were recomputed' }) checked!: number;
  @ApiPropertyOptional({ type: BrokenEventDto, description: 'the earliest broken place' })
  firstBroken?: BrokenEventDto;
}

class CheckpointDto {
  @ApiProperty({ example: '812' }) transactionId!: string;
  @ApiProperty() position!: number;
}

/** A page of the global history (GET /audit/events). */
export class HistoryPageDto {
  @ApiProperty({ type: [AuditEventDto] }) events!: AuditEventDto[];
  @ApiProperty({ description: 'the cursor to pass as `after` for the next page' }) next!: string;
  @ApiProperty({ type: CheckpointDto }) checkpoint!: CheckpointDto;
}
