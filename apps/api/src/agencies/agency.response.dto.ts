import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of the directory (GET /agencies): an agency or an outside counterpart. */
export class AgencyDto {
  @ApiProperty({ example: 'KISA' }) code!: string;
  @ApiProperty({ example: 'Korea Internet & Security Agency' }) name!: string;
  @ApiProperty({ enum: ['agency', 'counterpart'] }) kind!: 'agency' | 'counterpart';
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ description: 'a counterpart’s liaison agency' }) liaisonAgency?: string;
}

class AgencyWorkloadDto {
  @ApiProperty({ example: 'KISA' }) agency!: string;
  @ApiProperty({ description: 'tasks not accepted or cancelled' }) open!: number;
  @ApiProperty({ description: 'open tasks flagged overdue' }) overdue!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  byStatus!: Record<string, number>;
}

/** Open, overdue and per-status counts per assignee agency (GET /agencies/workload). */
export class AgencyWorkloadPageDto {
  @ApiProperty({ type: [AgencyWorkloadDto] }) items!: AgencyWorkloadDto[];
  @ApiProperty() stale!: boolean;
}
