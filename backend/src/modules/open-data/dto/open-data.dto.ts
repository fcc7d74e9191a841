import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

import { IsInstant } from '../../../platform/http/dates';
import { FLAT_FILES, FlatFile } from '../domain/flat-files';

export class ReleaseFeedQuery {
  @ApiPropertyOptional({ description: 'Only releases dated at or after this instant (ISO 8601 with offset).' })
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional({ description: 'Only releases dated before this instant (ISO 8601 with offset).' })
  @IsOptional()
  @IsInstant()
  until?: string;

  @ApiPropertyOptional({ description: 'The opaque cursor of `links.next` (the page after the last release served).' })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 100;
}

export class OcidParam {
  @ApiProperty({ example: 'ocds-dd0001-12' })
  @MaxLength(64)
  @Matches(/^ocds-[a-z0-9]{6}-\d{1,10}$/)
  ocid!: string;
}

export class MonthParam {
  @ApiProperty({ example: '2026-11', description: 'A Beijing-time month.' })
  @Matches(/^(19|20)\d\d-(0[1-9]|1[0-2])$/)
  month!: string;
}

export class FlatFileParam extends MonthParam {
  @ApiProperty({ enum: FLAT_FILES })
  @IsIn(FLAT_FILES)
  file!: FlatFile;
}

export class BulkFileLinksDto {
  @ApiProperty() releases!: string;
  @ApiProperty() awards!: string;
  @ApiProperty() contracts!: string;
  @ApiProperty() transactions!: string;
  @ApiProperty() milestones!: string;
}

export class BulkMonthDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ description: 'Releases dated in the month (Beijing time).' }) releaseCount!: number;
  @ApiProperty({ description: 'False while the month is running: its files still grow; then they never change.' })
  final!: boolean;
  @ApiProperty({ description: 'The release package of the month (JSON).' }) releasePackage!: string;
  @ApiProperty({ type: BulkFileLinksDto, description: 'The CSV flat files of the month.' }) csv!: BulkFileLinksDto;
}

export class BulkIndexDto {
  @ApiProperty({ type: [BulkMonthDto] }) months!: BulkMonthDto[];
}

export class OpenDataIndexDto {
  @ApiProperty() publisher!: string;
  @ApiProperty() license!: string;
  @ApiProperty({ description: 'The ocid prefix of this publisher.' }) ocidPrefix!: string;
  @ApiProperty({ description: 'What is published, when, and what is withheld.' }) publicationPolicy!: string[];
  @ApiProperty() releases!: string;
  @ApiProperty() records!: string;
  @ApiProperty() bulk!: string;
  @ApiProperty() documentation!: string;
}
