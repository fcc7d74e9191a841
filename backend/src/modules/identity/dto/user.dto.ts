import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import { PERMISSIONS, ROLES, type Permission, type Role } from '../../../platform/access/permissions';
import { PageQuery } from '../../../platform/http/pagination';
import { LOCALES, type Locale } from '../../../platform/i18n/locale';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/;
const PHONE = /^\+?[0-9]{6,19}$/;
/** An e-mail address as people type it (no display name, no comments); what nodemailer and SMTP servers accept. */
export const EMAIL_OPTIONS = { allow_display_name: false, allow_ip_domain: false, require_tld: true } as const;
export const EMAIL_MESSAGE = 'email must be an e-mail address (name@example.com), at most 254 characters';

export class CreateUserDto {
  @ApiProperty({ example: 'gl_officer', description: '3–64 of A–Z a–z 0–9 _ . - (starting with a letter or digit)' })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3–64 characters of letters, digits, _ . -' })
  username!: string;

  @ApiProperty({ example: '王采购' })
  @IsString()
  @Length(1, 64)
  displayName!: string;

  @ApiProperty({ description: '8–128 characters, not the username, not a common password' })
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  organisationId?: number | null;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be 6–19 digits, optionally starting with +' })
  phone?: string;

  @ApiPropertyOptional({ example: 'gl_officer@example.gov.cn', description: 'Where e-mail notifications go' })
  @IsOptional()
  @IsString()
  @MaxLength(254, { message: EMAIL_MESSAGE })
  @IsEmail(EMAIL_OPTIONS, { message: EMAIL_MESSAGE })
  email?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  displayName?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be 6–19 digits, optionally starting with +' })
  phone?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'gl_officer@example.gov.cn',
    description: 'Where e-mail notifications go; null clears it',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(254, { message: EMAIL_MESSAGE })
  @IsEmail(EMAIL_OPTIONS, { message: EMAIL_MESSAGE })
  email?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  organisationId?: number | null;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the username or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  regionId?: number;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'DISABLED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'DISABLED'])
  status?: 'ACTIVE' | 'DISABLED';

  @ApiPropertyOptional({ enum: ['username', '-username', 'createdAt', '-createdAt'], default: 'username' })
  @IsOptional()
  @IsIn(['username', '-username', 'createdAt', '-createdAt'])
  sort?: 'username' | '-username' | 'createdAt' | '-createdAt';
}

export { IdParam as UserIdParam } from '../../../platform/http/params';

export class UserDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ nullable: true, type: Number }) regionId!: number | null;
  @ApiProperty({ nullable: true, type: String }) regionName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) organisationId!: number | null;
  @ApiProperty({ enum: ['ACTIVE', 'DISABLED'] }) status!: 'ACTIVE' | 'DISABLED';
  @ApiProperty({ nullable: true, type: String, description: 'Set while the account is locked out' }) lockedUntil!:
    string | null;
  @ApiProperty() createdAt!: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class MeRegionDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
  @ApiProperty() path!: string;
}

export class MeOrganisationDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({
    description:
      'PENDING_REVIEW, RETURNED, ACTIVE, SUSPENDED or BLACKLISTED: members see it as a banner while not ACTIVE',
  })
  status!: string;
}

export class MeDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Where my e-mail notifications go' }) email!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: Object.values(PERMISSIONS), isArray: true }) permissions!: Permission[];
  @ApiProperty({ nullable: true, type: MeRegionDto }) region!: MeRegionDto | null;
  @ApiProperty({ nullable: true, type: MeOrganisationDto }) organisation!: MeOrganisationDto | null;
  @ApiProperty({ enum: LOCALES, nullable: true, description: 'My language for server texts; null: not chosen' })
  locale!: Locale | null;
  @ApiProperty({ description: 'After a reset: the user must change the password before anything else' })
  mustChangePassword!: boolean;
}

/** My own addresses for notifications (PATCH /me/contact): give the ones to change; null clears one. */
export class UpdateContactDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'wang@example.com' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(254, { message: EMAIL_MESSAGE })
  @IsEmail(EMAIL_OPTIONS, { message: EMAIL_MESSAGE })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '13800000000' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(PHONE, { message: 'phone must be 6–19 digits, optionally starting with +' })
  phone?: string | null;
}

export class ContactDto {
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
}
