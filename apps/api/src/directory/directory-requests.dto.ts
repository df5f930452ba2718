import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PERSON_ROLES, PersonRole } from '@liaison/directory';
import { AgencyCode, Instant, OptionalText, Text } from '../common/validators';

const ROLE_MESSAGE = `$property must be one of ${PERSON_ROLES.join(', ')}`;
const lowerCase = Transform(({ value }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value,
);

export class DisplayNameRequest {
  @Text(100, '김민지') ko!: string;
  @Text(100, 'Kim Minji') en!: string;
}

const DisplayName = (optional: boolean) =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ type: DisplayNameRequest })
      : ApiProperty({ type: DisplayNameRequest }),
    optional ? IsOptional() : IsDefined(),
    ValidateNested(),
    Type(() => DisplayNameRequest),
  );

const Email = (optional: boolean) =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ example: 'minji@kisa.example' })
      : ApiProperty({ example: 'minji@kisa.example' }),
    ...(optional ? [IsOptional()] : []),
    IsEmail({}, { message: '$property must be an email address' }),
    MaxLength(254),
  );

export class RegisterPersonRequest {
  @ApiProperty({ example: 'kisa.officer', description: 'sign-in name; stored lower-case' })
  @lowerCase
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
    message: '$property must be 2–64 lower-case letters, digits or . _ -',
  })
  login!: string;

  @DisplayName(false) displayName!: DisplayNameRequest;
  @Email(false) email!: string;
  @AgencyCode('the person’s one agency (an active agency, not a counterpart)') agency!: string;

  @ApiProperty({ enum: PERSON_ROLES, isArray: true, example: ['agency_officer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PERSON_ROLES.length)
  @ArrayUnique()
  @IsIn(PERSON_ROLES as unknown as string[], { each: true, message: ROLE_MESSAGE })
  roles!: PersonRole[];

  @OptionalText(255, 'the IdP subject (sub claim) this person signs in as') oidcSubject?: string;
}

export class UpdatePersonRequest {
  @DisplayName(true) displayName?: DisplayNameRequest;
  @Email(true) email?: string;

  @ApiPropertyOptional({ example: 'MSIT', description: 'moves the person (their roles follow)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: '$property must be an agency code such as KISA' })
  agency?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the IdP subject; null unlinks it',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  oidcSubject?: string | null;
}

export class RoleRequest {
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES as unknown as string[], { message: ROLE_MESSAGE })
  role!: PersonRole;
}

/** Why a person is deactivated or erased: recorded in their stream. */
export class PersonReasonRequest {
  @Text(1000, 'left the agency') reason!: string;
}

export class PeopleListRequest {
  @ApiPropertyOptional({ example: 'KISA' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: '$property must be an agency code such as KISA' })
  agency?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  active?: 'true' | 'false';
}

export class RegisterAgencyRequest {
  @AgencyCode('2–16 upper-case letters, digits or _') code!: string;
  @Text(200, 'Korea Communications Commission') name!: string;

  @ApiProperty({ enum: ['agency', 'counterpart'] })
  @IsIn(['agency', 'counterpart'], { message: "$property must be 'agency' or 'counterpart'" })
  kind!: 'agency' | 'counterpart';

  @ApiPropertyOptional({ example: 'MSIT', description: 'a counterpart’s liaison agency' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: '$property must be an agency code such as KISA' })
  liaisonAgency?: string;
}

export class UpdateAgencyRequest {
  @OptionalText(200, 'Korea Communications Commission') name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'a counterpart’s liaison agency; null clears it',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: '$property must be an agency code such as KISA' })
  liaisonAgency?: string | null;
}

export class GrantDelegationRequest {
  @ApiProperty({ format: 'uuid', description: 'the colleague who may act for the delegator' })
  @IsUUID('all', { message: '$property must be the UUID of a person' })
  toPersonId!: string;

  @Instant() startsAt!: string;
  @Instant() endsAt!: string;
  @OptionalText(1000, '해외 출장 (overseas workshop)') reason?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'admins only: the delegator (default: the caller)',
  })
  @IsOptional()
  @IsUUID('all', { message: '$property must be the UUID of a person' })
  fromPersonId?: string;
}

export class RoleHoldersRequest {
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES as unknown as string[], { message: ROLE_MESSAGE })
  role!: PersonRole;

  @AgencyCode() agency!: string;

  @ApiProperty({
    example: '2026-11-18',
    description:
      'a day (YYYY-MM-DD, Korean time: anyone who held it during that day) or an instant',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: '$property must be a date (YYYY-MM-DD) or an ISO-8601 timestamp with a time zone',
  })
  on!: string;
}
