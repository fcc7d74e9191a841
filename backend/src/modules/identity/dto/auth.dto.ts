import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'Diandan@2026' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(16, 128)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiPropertyOptional({
    description:
      'Sign-in only: true after an administrator reset the password — every route but GET /me and POST /me/password answers 403 IDENTITY_PASSWORD_CHANGE_REQUIRED until it is changed',
  })
  mustChangePassword?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password in use now (the temporary one after a reset)' })
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ description: '8–128 characters, not the username, not a common password, not the current one' })
  @IsString()
  @Length(1, 256)
  newPassword!: string;
}

export class TemporaryPasswordDto {
  @ApiProperty({
    example: 'k7Qm-2xWp-9HcT',
    description: 'Shown once, to be handed to the user: it only lets them choose a new password',
  })
  temporaryPassword!: string;
}
