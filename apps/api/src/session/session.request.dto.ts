import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SignInRequest {
  @ApiProperty({ example: 'kisa.officer' })
  @IsString()
  @Length(1, 200, { message: '$property must be 1 to 200 characters' })
  username!: string;

  @ApiProperty({ example: 'liaison-demo', writeOnly: true })
  @IsString()
  @Length(1, 1024, { message: '$property must be 1 to 1024 characters' })
  password!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @Length(1, 1024, { message: '$property must be 1 to 1024 characters' })
  currentPassword!: string;

  @ApiProperty({ writeOnly: true, minLength: 8, maxLength: 256 })
  @IsString()
  @Length(1, 1024, { message: '$property must be 1 to 1024 characters' })
  newPassword!: string;
}

export class ResetPasswordRequest {
  @ApiProperty({ writeOnly: true, minLength: 8, maxLength: 256 })
  @IsString()
  @Length(1, 1024, { message: '$property must be 1 to 1024 characters' })
  newPassword!: string;
}
