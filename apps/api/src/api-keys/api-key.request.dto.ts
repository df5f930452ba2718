import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ROLES, UserRole } from '@liaison/platform';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'KISA ticketing bridge' })
  @IsString()
  @Length(1, 100, { message: '$property must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `$property must be one of ${ROLES.join(', ')}` })
  role!: UserRole;

  @ApiPropertyOptional({
    example: 'KISA',
    description: 'required for bureau_head and agency_officer',
  })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: '$property must be an agency code' })
  agency?: string;

  @ApiProperty({ example: '2027-06-30T00:00:00Z', description: 'at most a year ahead' })
  @IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 date-time' })
  expiresAt!: string;
}
