import { ApiProperty } from '@nestjs/swagger';

export class CommandResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Stream version after the command; send it as If-Match next time' })
  version!: number;
  @ApiProperty({
    description: 'Global position of the change; pass as minPosition to read your write',
  })
  position!: number;
}
