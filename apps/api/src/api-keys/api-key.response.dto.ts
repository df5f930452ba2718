import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@liaison/platform';

/** A key as listed: everything but its secret. */
export class ApiKeyDto {
  @ApiProperty({ example: '3f9a0c1d2b4e5f60', description: 'the <id> of lsk_<id>_<secret>' })
  id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ example: 'KISA' }) agency?: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) firstUsedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastUsedAt?: string;
}

export class NewApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'lsk_3f9a0c1d2b4e5f60_…',
    description: 'the key itself: shown in this answer only, never again',
  })
  key!: string;
}
