import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { CloseOutcome, STATUS_FILTERS, StatusFilter } from '@liaison/counterparts';
import { OptionalText } from '../common/validators';

/** An optional instant with a time zone, ISO-8601. */
const OptionalInstant = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: '2026-12-15T09:00:00Z', description }),
    IsOptional(),
    IsString(),
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be an ISO-8601 timestamp' },
    ),
    Matches(/(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must include a time zone (Z or ±hh:mm)',
    }),
  );

export class DraftCounterpartRequestBody {
  @ApiProperty({ format: 'uuid', description: 'the workshop that recorded the info request' })
  @IsUUID('all', { message: '$property must be a UUID' })
  workshopId!: string;

  @ApiProperty({ format: 'uuid', description: "the workshop's info request to a counterpart" })
  @IsUUID('all', { message: '$property must be a UUID' })
  infoRequestId!: string;

  @OptionalText(20_000, 'Please share the indicators you observed in AI-enabled phishing.')
  message?: string;

  @OptionalInstant("default: the info request's due date, 18:00 in Seoul")
  dueAt?: string;
}

export class SendCounterpartRequestBody {
  @OptionalInstant('required unless the draft has one')
  dueAt?: string;
}

export class AcknowledgeCounterpartRequestBody {
  @OptionalText(2_000, 'OpenAI confirmed receipt by e-mail')
  note?: string;
}

export class ChaseCounterpartRequestBody {
  @OptionalInstant('a new due time')
  dueAt?: string;

  @OptionalText(2_000, 'A reminder: we still need the indicators')
  note?: string;
}

const OUTCOMES: CloseOutcome[] = ['answered', 'withdrawn', 'unanswered'];

export class CloseCounterpartRequestBody {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `$property must be one of ${OUTCOMES.join(', ')}` })
  outcome!: CloseOutcome;

  @OptionalText(2_000, 'All indicators received')
  reason?: string;
}

export class ListCounterpartRequestsQuery {
  @ApiPropertyOptional({ enum: STATUS_FILTERS, description: '`open`: what is still owed' })
  @IsOptional()
  @IsIn(STATUS_FILTERS as unknown as string[], {
    message: `$property must be one of ${STATUS_FILTERS.join(', ')}`,
  })
  status?: StatusFilter;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  workshopId?: string;
}

export class IssuedLinkDto {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({
    description: "the counterpart's page; pass it on (it works once, until expiresAt)",
  })
  url!: string;
}

export class CounterpartCommandResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() position!: number;
  @ApiProperty() status!: string;
}

export class CounterpartLinkResultDto extends CounterpartCommandResultDto {
  @ApiProperty({ type: IssuedLinkDto }) link!: IssuedLinkDto;
}

export class CounterpartRequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workshopId!: string;
  @ApiProperty({ format: 'uuid' }) infoRequestId!: string;
  @ApiProperty({ example: 'OPENAI' }) counterpart!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ example: 'MSIT' }) requestedBy!: string;
  @ApiProperty({ example: 'MSIT' }) hostAgency!: string;
  @ApiProperty({ example: 'MSIT' }) liaisonAgency!: string;
  @ApiProperty({ enum: STATUS_FILTERS.filter((s) => s !== 'open') }) status!: string;
  @ApiProperty({ description: 'sent and not yet answered in full' }) owed!: boolean;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() answers!: number;
  @ApiProperty() chases!: number;
  @ApiProperty({ nullable: true, type: String }) lastAnswerAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class CounterpartRequestsPageDto {
  @ApiProperty({ type: [CounterpartRequestSummaryDto] }) items!: CounterpartRequestSummaryDto[];
}

export class SharedFileDto {
  @ApiProperty() name!: string;
  @ApiProperty() size!: number;
  @ApiProperty() mediaType!: string;
  @ApiProperty({ description: 'lower-case hex; GET …/files/:sha256 downloads it' }) sha256!: string;
}

export class CounterpartAnswerDto {
  @ApiProperty({ format: 'uuid' }) answerId!: string;
  @ApiProperty({ description: 'when the log recorded it' }) at!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [SharedFileDto] }) files!: SharedFileDto[];
  @ApiProperty({ description: 'the counterpart said this completes its answer' })
  complete!: boolean;
}

export class CounterpartHistoryEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty() type!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

/** The summary's fields, with the answers themselves in place of their count. */
export class CounterpartRequestDetailDto extends OmitType(CounterpartRequestSummaryDto, [
  'answers',
] as const) {
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ type: [CounterpartAnswerDto] }) answers!: CounterpartAnswerDto[];
  @ApiProperty({
    type: IssuedLinkDto,
    nullable: true,
    description: 'the link now working (bureau heads only; null for auditors)',
  })
  currentLink!: IssuedLinkDto | null;
  @ApiProperty({ type: [CounterpartHistoryEntryDto] }) history!: CounterpartHistoryEntryDto[];
}
