import { Controller, Get, Header, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../../../platform/access';
import {
  BulkIndexDto,
  FlatFileParam,
  MonthParam,
  OcidParam,
  OpenDataIndexDto,
  ReleaseFeedQuery,
} from '../dto/open-data.dto';
import { OpenDataFeed, OpenDataFile } from '../services/open-data-feed.service';

const JSON_UTF8 = 'application/json; charset=utf-8';

/** Serves a stored file: its SHA-256 as the ETag; a finished month's files may be cached (they never change). */
function file(res: Response, f: OpenDataFile, name: string): StreamableFile {
  res.setHeader('ETag', `"${f.sha256}"`);
  res.setHeader('Cache-Control', f.final ? 'public, max-age=86400' : 'no-cache');
  return new StreamableFile(f.content, {
    type: f.contentType,
    disposition: `attachment; filename="${name}"`,
  });
}

/**
 * OCDS 1.1 open data for anyone (docs/open-data.md): the release feed, records with their compiled release, and the
 * monthly bulk files (JSON and CSV). Anonymous and read-only; nothing sealed or personal is ever in a release.
 */
@ApiTags('open-data')
@Controller('v1/public/open-data')
export class OpenDataController {
  constructor(private readonly feed: OpenDataFeed) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The publication policy and the open-data endpoints' })
  @ApiOkResponse({ type: OpenDataIndexDto })
  index(): OpenDataIndexDto {
    return this.feed.index();
  }

  @Get('releases')
  @Public()
  @Header('Content-Type', JSON_UTF8)
  @ApiOperation({
    summary: 'OCDS release package: every release in publication order, paged by an opaque cursor (links.next)',
  })
  @ApiOkResponse({ description: 'An OCDS 1.1 release package (release-package-schema.json) with links.next.' })
  releases(@Query() q: ReleaseFeedQuery): Promise<string> {
    return this.feed.releases(q);
  }

  @Get('records/:ocid')
  @Public()
  @Header('Content-Type', JSON_UTF8)
  @ApiOperation({ summary: 'OCDS record package of one contracting process: its releases and compiled release' })
  @ApiOkResponse({ description: 'An OCDS 1.1 record package (record-package-schema.json).' })
  record(@Param() p: OcidParam): Promise<string> {
    return this.feed.record(p.ocid);
  }

  @Get('bulk')
  @Public()
  @ApiOperation({ summary: 'The months with releases and their bulk files (JSON release package, CSV flat files)' })
  @ApiOkResponse({ type: BulkIndexDto })
  bulk(): Promise<BulkIndexDto> {
    return this.feed.bulkIndex();
  }

  @Get('bulk/:month')
  @Public()
  @ApiProduces(JSON_UTF8)
  @ApiOperation({ summary: 'The release package of a Beijing month (unchanging once the month is over)' })
  async month(@Param() p: MonthParam, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return file(res, await this.feed.monthPackage(p.month), `ocds-releases-${p.month}.json`);
  }

  @Get('bulk/:month/csv/:file')
  @Public()
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'A CSV flat file of a Beijing month (UTF-8 with BOM): releases, awards, contracts, transactions, milestones',
  })
  async csv(@Param() p: FlatFileParam, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return file(res, await this.feed.monthCsv(p.month, p.file), `ocds-${p.file}-${p.month}.csv`);
  }
}
