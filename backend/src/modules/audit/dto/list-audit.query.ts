import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

import { PageQuery } from '../../../platform/http/pagination';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'One event by its seq (e.g. a broken link reported by verification).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  seq?: number;

  @ApiPropertyOptional({ description: 'Action, or its prefix (e.g. `identity.login`).' })
  @IsOptional()
  @IsString()
  @MaxLength(96)
  @Matches(/^[a-z0-9_.]+$/)
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(48)
  @Matches(/^[a-z0-9_]+$/)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  actorId?: number;

  @ApiPropertyOptional({ description: 'Inclusive lower bound, ISO-8601 instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive upper bound, ISO-8601 instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
