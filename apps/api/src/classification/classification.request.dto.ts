import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CLASSIFICATION_LEVELS, ClassificationLevel } from '@liaison/follow-up';

const AGENCY_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;

/**
 * `classification: {level, agencies?, people?}` (DESIGN.md). The shape is checked here (400
 * naming `classification.level`, `classification.agencies.0`); that restricted names agencies
 * of the directory and confidential names people, by the rules (422 naming the field).
 */
export class ClassificationRequest {
  @ApiProperty({ enum: CLASSIFICATION_LEVELS, example: 'restricted' })
  @IsIn(CLASSIFICATION_LEVELS as unknown as string[], {
    message: `$property must be one of ${CLASSIFICATION_LEVELS.join(', ')}`,
  })
  level!: ClassificationLevel;

  @ApiPropertyOptional({
    type: [String],
    example: ['NIS', 'KISA'],
    description: 'restricted: the agencies whose officers may read it',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(AGENCY_CODE, { each: true, message: 'each of $property must be an agency code' })
  agencies?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'confidential: the people (person ids) who may read it',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  people?: string[];
}

/** The optional `classification` of a create request (absent: public, or the workshop's). */
export const OptionalClassification = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: ClassificationRequest,
      description: 'public (default), restricted to named agencies, or confidential to people',
    }),
    IsOptional(),
    ValidateNested(),
    Type(() => ClassificationRequest),
  );

/** POST …/:id/classification: the new classification. */
export class ChangeClassificationRequest {
  @ApiProperty({ type: ClassificationRequest })
  @ValidateNested()
  @Type(() => ClassificationRequest)
  classification!: ClassificationRequest;
}
