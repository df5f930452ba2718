import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const AGENCY_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;
const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** An agency or counterpart code such as MSIT or OPENAI (existence is checked by the rules). */
export const AgencyCode = (description = 'agency code, e.g. KISA') =>
  applyDecorators(
    ApiProperty({ example: 'KISA', description }),
    IsString(),
    Matches(AGENCY_CODE, { message: '$property must be an agency code such as KISA' }),
  );

export const AgencyCodes = (description: string) =>
  applyDecorators(
    ApiProperty({ type: [String], example: ['KISA', 'NIS'], description }),
    IsArray(),
    ArrayMaxSize(50),
    Matches(AGENCY_CODE, {
      each: true,
      message: 'each of $property must be an agency code such as KISA',
    }),
  );

export const Text = (max: number, example: string) =>
  applyDecorators(
    ApiProperty({ example, maxLength: max }),
    trim,
    IsString(),
    MinLength(1),
    MaxLength(max),
  );

export const OptionalText = (max: number, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, maxLength: max }),
    trim,
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = (optional = false) =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ example: '2026-12-15' })
      : ApiProperty({ example: '2026-11-18' }),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
  );

/** An instant with a time zone, ISO-8601. */
export const Instant = () =>
  applyDecorators(
    ApiProperty({ example: '2026-12-15T09:00:00Z' }),
    IsString(),
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be an ISO-8601 timestamp' },
    ),
    Matches(/(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must include a time zone (Z or ±hh:mm)',
    }),
  );
