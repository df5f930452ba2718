import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClassificationDto } from '../classification/classification.response.dto';

class FollowUpProgressDto {
  @ApiProperty() total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'follow-ups per status',
  })
  byStatus!: Record<string, number>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'accepted / (total − cancelled); null when none count',
  })
  shareDone!: number | null;
}

class SourceProgressDto {
  @ApiProperty({ format: 'uuid', description: 'the actionId or requestId' }) sourceId!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ description: 'the owner agency, or the party asked for the information' })
  agency!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueDate!: string | null;
  @ApiProperty({ type: FollowUpProgressDto }) followUps!: FollowUpProgressDto;
}

/** One workshop of the list, with its follow-ups counted (GET /workshops). */
export class WorkshopProgressDto {
  @ApiProperty({ format: 'uuid' }) workshopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'MSIT' }) hostAgency!: string;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty({ type: [String] }) counterparts!: string[];
  @ApiProperty({ type: [String] }) attendingAgencies!: string[];
  @ApiProperty() version!: number;
  @ApiProperty({ type: FollowUpProgressDto }) followUps!: FollowUpProgressDto;
  @ApiProperty({ type: [SourceProgressDto] }) actions!: SourceProgressDto[];
  @ApiProperty({ type: [SourceProgressDto] }) requests!: SourceProgressDto[];
}

export class WorkshopPageDto {
  @ApiProperty({ type: [WorkshopProgressDto] }) items!: WorkshopProgressDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty() stale!: boolean;
}

class AgreedActionDto {
  @ApiProperty() description!: string;
  @ApiProperty() ownerAgency!: string;
  @ApiProperty({ type: [String] }) supportingAgencies!: string[];
  @ApiPropertyOptional({ format: 'date' }) dueDate?: string;
}

class InfoRequestDto {
  @ApiProperty() subject!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedFrom!: string;
  @ApiPropertyOptional({ format: 'date' }) dueDate?: string;
}

class WorkshopSourcesProgressDto {
  @ApiProperty({ type: FollowUpProgressDto }) followUps!: FollowUpProgressDto;
  @ApiProperty({ type: [SourceProgressDto] }) actions!: SourceProgressDto[];
  @ApiProperty({ type: [SourceProgressDto] }) requests!: SourceProgressDto[];
}

/** One workshop as its stream says now, with its progress from the views (GET /workshops/:id). */
export class WorkshopDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() exists!: boolean;
  @ApiProperty({ format: 'uuid' }) workshopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty() hostAgency!: string;
  @ApiProperty({ type: [String] }) counterparts!: string[];
  @ApiProperty({ type: [String] }) attendingAgencies!: string[];
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional({ type: ClassificationDto, description: 'absent: public' })
  classification?: ClassificationDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/AgreedActionDto' },
  })
  actions!: Record<string, AgreedActionDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/InfoRequestDto' },
  })
  requests!: Record<string, InfoRequestDto>;
  @ApiProperty({ type: WorkshopSourcesProgressDto, nullable: true })
  progress!: WorkshopSourcesProgressDto | null;
}

export class WorkshopCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() position!: number;
}

export class ActionAgreedDto {
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() position!: number;
}

export class InfoRequestedDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() position!: number;
}

/** The two record types named by reference above. */
export const WORKSHOP_EXTRA_MODELS = [AgreedActionDto, InfoRequestDto];
