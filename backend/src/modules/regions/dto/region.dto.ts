import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

import { IsCalendarDate } from '../../../platform/http/dates';
import { REGION_LEVELS, type RegionLevel } from '../domain/region-rules';

export class RegionDto {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: Number }) parentId!: number | null;
  @ApiProperty({ example: '320106000000' }) code!: string;
  @ApiProperty({ example: '鼓楼区' }) name!: string;
  @ApiProperty({ enum: REGION_LEVELS }) level!: RegionLevel;
  @ApiProperty({ example: '/1/2/' }) path!: string;
}

export class RegionNodeDto extends RegionDto {
  @ApiProperty({ type: () => [RegionNodeDto] }) children!: RegionNodeDto[];
}

export class CreateRegionDto {
  // A body field: no @Type(() => Number) coercion ("2" and true were accepted as ids 2 and 1).
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  parentId!: number;

  @ApiProperty({ example: '320106002003', description: '12-digit statistical division code under the parent prefix' })
  @IsString()
  @Matches(/^\d{12}$/, { message: 'code must be 12 digits' })
  code!: string;

  @ApiProperty({ example: '宁海路社区' })
  @IsString()
  @Length(1, 64)
  name!: string;
}

export class UpdateRegionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\d{12}$/, { message: 'code must be 12 digits' })
  code?: string;
}

export class RegionIdParam {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  id!: number;
}

export const CALENDAR_KINDS = ['HOLIDAY', 'WORKDAY'] as const;

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' }) date!: string;
  @ApiProperty({ enum: CALENDAR_KINDS }) kind!: 'HOLIDAY' | 'WORKDAY';
  @ApiProperty({ example: '国庆节' }) name!: string;
}

export class CalendarYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
}

export class PutCalendarDayDto {
  @ApiProperty({ enum: CALENDAR_KINDS })
  @IsIn(CALENDAR_KINDS)
  kind!: 'HOLIDAY' | 'WORKDAY';

  @ApiProperty()
  @IsString()
  @Length(1, 64)
  name!: string;
}

export class CalendarDateParam {
  @IsCalendarDate()
  date!: string;
}

export class CalendarYearParam {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2026-09-28' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: 7 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  days!: number;
}

export class AddWorkingDaysDto {
  @ApiProperty() from!: string;
  @ApiProperty() days!: number;
  @ApiProperty({ description: 'The n-th working day after `from` (start day excluded)' }) date!: string;
  @ApiProperty({ description: '24:00 Asia/Shanghai of `date`, as a UTC instant' }) deadline!: string;
}
