import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUrl, Length } from 'class-validator';

export class AgencyWebhookRequest {
  @ApiProperty({ example: 'https://tasks.kisa.example/liaison' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  )
  url!: string;

  @ApiProperty({
    description: 'HMAC-SHA256 key the receiver verifies with; write-only, never returned',
    minLength: 16,
    writeOnly: true,
  })
  @IsString()
  @Length(16, 256, { message: '$property must be 16 to 256 characters' })
  secret!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
