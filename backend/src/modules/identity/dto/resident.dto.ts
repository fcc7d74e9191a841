import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

import { IsKeyword } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';

export class RegisterResidentDto {
  @ApiProperty({ example: '13800000009', description: 'Mainland mobile number; it becomes the username' })
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be a mainland mobile number (11 digits)' })
  phone!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiProperty({ example: '李阿姨' })
  @IsString()
  @Length(1, 64)
  displayName!: string;

  @ApiProperty({ description: 'The community (社区) the resident lives in' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  communityId!: number;
}

export class ListResidentsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'false: only residents waiting for verification' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  verified?: boolean;
  @IsKeyword('Part of the name or user name') q?: string;
}

export class ResidentDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty() communityId!: number;
  @ApiProperty({ nullable: true, type: String }) communityName!: string | null;
  @ApiProperty({ nullable: true, type: String }) verifiedAt!: string | null;
  @ApiProperty() createdAt!: string;
}
