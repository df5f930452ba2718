import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { AgencyCode, OptionalText, Text } from '../../common/validators';

/** An optional instant with a time zone, ISO-8601. */
const OptionalInstant = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: '2026-12-10T09:00:00Z', description }),
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

/** A contribution asked of a supporting agency (협조 요청). */
export class ContributionRequest {
  @AgencyCode('the supporting agency (협조기관), never the lead agency or a counterpart')
  agency!: string;
  @OptionalInstant('its own due time; default and latest: the lead task’s')
  dueAt?: string;
  @OptionalText(10_000, 'The financial sector’s view, two pages') instructions?: string;
}

export class WaiveContributionRequest {
  @Text(2000, 'Covered by the lead agency’s own analysis') reason!: string;
}
