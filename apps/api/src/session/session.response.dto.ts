import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@liaison/platform';

class SessionDisplayNameDto {
  @ApiProperty({ example: '김담당' }) ko!: string;
  @ApiProperty({ example: 'Kim Damdang' }) en!: string;
}

/** A person as sign-in and /v1/me show them: never their credentials. */
export class SessionPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'kisa.officer' }) login!: string;
  @ApiProperty({ type: SessionDisplayNameDto }) displayName!: SessionDisplayNameDto;
  @ApiProperty({ example: 'kisa.officer@example.go.kr' }) email!: string;
  @ApiProperty({ example: 'KISA' }) agency!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
}

export class SignInAnswerDto {
  @ApiProperty({ type: SessionPersonDto }) person!: SessionPersonDto;
  @ApiProperty({ description: 'send it as X-CSRF-Token on unsafe requests with the cookie' })
  csrfToken!: string;
}

class OnBehalfOfDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional() name?: string;
}

/** Who this request acts as: any caller (session, API key, JWT). */
class MeCallerDto {
  @ApiProperty({ description: 'a person id, key:<id> for an API key, or a token subject' })
  id!: string;
  @ApiProperty({ enum: ROLES, description: 'the role this request acts in' }) role!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ type: String, nullable: true }) agency!: string | null;
  @ApiProperty({ enum: ['session', 'api_key', 'jwt'], nullable: true, type: String })
  via!: string | null;
  @ApiPropertyOptional({ type: OnBehalfOfDto, description: 'under X-On-Behalf-Of' })
  onBehalfOf?: OnBehalfOfDto;
}

class MeDelegationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'who is acted for' }) fromPerson!: string;
  @ApiProperty({ format: 'uuid', description: 'who acts' }) toPerson!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiPropertyOptional() reason?: string;
}

export class MeAnswerDto {
  @ApiProperty({ type: SessionPersonDto, nullable: true, description: 'null without a session' })
  person!: SessionPersonDto | null;
  @ApiProperty({ type: MeCallerDto }) caller!: MeCallerDto;
  @ApiProperty({
    type: [MeDelegationDto],
    description: 'delegations given or received that are not over (current and upcoming)',
  })
  delegations!: MeDelegationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'null without a session' })
  csrfToken!: string | null;
}

export class SessionsEndedDto {
  @ApiProperty({ example: 1 }) sessionsEnded!: number;
}
