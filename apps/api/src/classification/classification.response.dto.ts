import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLASSIFICATION_LEVELS, ClassificationLevel } from '@liaison/follow-up';

/** A workshop's or task's classification as the answers carry it (absent: public). */
export class ClassificationDto {
  @ApiProperty({ enum: CLASSIFICATION_LEVELS }) level!: ClassificationLevel;
  @ApiPropertyOptional({ type: [String], description: 'restricted: the agencies named' })
  agencies?: string[];
  @ApiPropertyOptional({ type: [String], description: 'confidential: the people named' })
  people?: string[];
}
