import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of the directory (GET /agencies): an agency or an outside counterpart. */
export class AgencyDto {
  @ApiProperty({ example: 'KISA' }) code!: string;
  @ApiProperty({ example: 'Korea Internet & Security Agency' }) name!: string;
  @ApiProperty({ enum: ['agency', 'counterpart'] }) kind!: 'agency' | 'counterpart';
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ description: 'a counterpart’s liaison agency' }) liaisonAgency?: string;
}
