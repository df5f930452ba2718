import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every error answer (ErrorResponseFilter): described once so clients can type their errors. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({
    description: 'the field problems (400), or {code, field?, state?} of a domain error',
  })
  details?: unknown;
}
