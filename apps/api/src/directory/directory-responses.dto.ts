import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERSON_ROLES, PersonRole } from '@liaison/directory';

/** The answers of the directory's routes, for the OpenAPI document (and the web app's types). */

export class PersonNameDto {
  @ApiProperty({ example: '김민지' }) ko!: string;
  @ApiProperty({ example: 'Kim Minji' }) en!: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'kisa.officer' }) login!: string;
  @ApiProperty({ type: PersonNameDto }) displayName!: PersonNameDto;
  @ApiProperty({ example: 'minji@kisa.example' }) email!: string;
  @ApiProperty({ example: 'KISA' }) agency!: string;
  @ApiProperty({ enum: PERSON_ROLES, isArray: true }) roles!: PersonRole[];
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ description: 'the IdP subject this person signs in as' })
  oidcSubject?: string;
  @ApiProperty({ description: 'the person’s stream version: send it as If-Match' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PeoplePageDto {
  @ApiProperty({ type: [PersonDto] }) items!: PersonDto[];
}

export class AgencyCommandResultDto {
  @ApiProperty({ example: 'KCC' }) code!: string;
  @ApiProperty({ description: 'the agency stream’s version after the command' }) version!: number;
  @ApiProperty({ description: 'global position of the change' }) position!: number;
}

export class DelegationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the delegator' }) fromPerson!: string;
  @ApiProperty({ format: 'uuid', description: 'who may act for them' }) toPerson!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'it ends by itself then' }) endsAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'ended early' }) endedAt?: string;
  @ApiPropertyOptional() reason?: string;
}

export class DelegationsPageDto {
  @ApiProperty({ type: [DelegationDto] }) items!: DelegationDto[];
}

export class RoleHolderDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() login!: string;
  @ApiProperty({ type: PersonNameDto }) displayName!: PersonNameDto;
  @ApiProperty({ enum: PERSON_ROLES }) role!: PersonRole;
  @ApiProperty() agency!: string;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
}

export class RoleHoldersDto {
  @ApiProperty({ enum: PERSON_ROLES }) role!: PersonRole;
  @ApiProperty() agency!: string;
  @ApiProperty({ example: '2026-11-18' }) on!: string;
  @ApiProperty({ type: [RoleHolderDto] }) holders!: RoleHolderDto[];
}
