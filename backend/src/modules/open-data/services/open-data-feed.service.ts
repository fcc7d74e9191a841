import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { dbNow } from '../../../platform/database/db-clock';
import { FLAT_FILES, FlatFile, flatFileCsv } from '../domain/flat-files';
import { compileReleases, JsonObject, ReleaseLike } from '../domain/ocds-merge';
import { OpenDataError, OpenDataErrorCode } from '../domain/open-data.errors';
import {
  beijingMonth,
  decodeCursor,
  encodeCursor,
  monthOf,
  PackageMeta,
  recordPackageJson,
  releasePackageJson,
} from '../domain/packages';
import { BulkFileLinksDto, BulkIndexDto, OpenDataIndexDto, ReleaseFeedQuery } from '../dto/open-data.dto';

export const OPEN_DATA_PATH = '/api/v1/public/open-data';

/** A file to download: its bytes, type, SHA-256 and whether it can no longer change. */
export interface OpenDataFile {
  content: Buffer;
  contentType: string;
  sha256: string;
  final: boolean;
}

/**
 * Reads the published releases for the public API: the release feed (cursor paging in publication order), records
 * with their compiled release, and the monthly bulk files (a release package and CSV flat files per Beijing month),
 * stored once their month is over so that they never change again.
 */
@Injectable()
export class OpenDataFeed {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
  ) {}

  private url(path: string): string {
    return `${this.env.PUBLIC_BASE_URL}${OPEN_DATA_PATH}${path}`;
  }

  private meta(uri: string, publishedDate: Date): PackageMeta {
    return {
      uri,
      publishedDate: publishedDate.toISOString(),
      publisher: { name: this.env.OCDS_PUBLISHER_NAME, uri: this.env.PUBLIC_BASE_URL },
      license: this.env.OCDS_LICENSE_URL,
      publicationPolicy: this.env.OCDS_PUBLICATION_POLICY_URL || this.url(''),
    };
  }

  index(): OpenDataIndexDto {
    return {
      publisher: this.env.OCDS_PUBLISHER_NAME,
      license: this.env.OCDS_LICENSE_URL,
      ocidPrefix: this.env.OCDS_OCID_PREFIX,
      publicationPolicy: [
        '每个采购项目是一个开放合同过程（ocid = 前缀-项目编号），项目审批、采购公告、更正公告、开标、流标或终止、中标公告、中标确定或撤销、合同签订、合同公告、补充合同、合同终止、里程碑验收、每笔付款及第三方评估结果发布时，在同一数据库事务中写入一个不可更改的 OCDS 1.1 发布（release）。',
        'Every procurement project is one contracting process; each public stage change writes one immutable OCDS 1.1 release in the same database transaction, dated with the database time of the change.',
        '开标前不公开投标人、投标数量和报价；未中标报价从不公开，只公开中标金额；不公开银行账户、电话号码和居民姓名。',
        'Withheld: before the opening no tenderers, bid count or prices; losing prices never (only the award value); never bank accounts, phone numbers or residents’ names.',
        '月度批量文件在当月结束后生成并永久不变；CSV 文件为 UTF-8（带 BOM）。',
      ],
      releases: this.url('/releases'),
      records: this.url('/records/{ocid}'),
      bulk: this.url('/bulk'),
      documentation: 'docs/open-data.md',
    };
  }

  /** One page of the release feed, in publication order, after the cursor's release. */
  async releases(q: ReleaseFeedQuery): Promise<string> {
    const after = q.cursor === undefined ? '0' : decodeCursor(q.cursor);
    if (after === null)
      throw new OpenDataError(OpenDataErrorCode.BAD_CURSOR, 'The cursor is not one this feed gave out.');
    const where = ['seq > ?'];
    const args: unknown[] = [after];
    if (q.since) {
      where.push('release_date >= ?');
      args.push(new Date(q.since));
    }
    if (q.until) {
      where.push('release_date < ?');
      args.push(new Date(q.until));
    }
    const rows = (await this.dataSource.query(
      `SELECT seq, release_json, release_date FROM ocds_releases WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`,
      [...args, q.limit],
    )) as Array<{ seq: string | number; release_json: string; release_date: Date }>;
    const params = (cursor: string) => {
      const s = new URLSearchParams();
      if (q.since) s.set('since', q.since);
      if (q.until) s.set('until', q.until);
      s.set('limit', String(q.limit));
      s.set('cursor', cursor);
      return s.toString();
    };
    const self = new URLSearchParams();
    if (q.since) self.set('since', q.since);
    if (q.until) self.set('until', q.until);
    if (q.cursor) self.set('cursor', q.cursor);
    self.set('limit', String(q.limit));
    const uri = this.url(`/releases?${self.toString()}`);
    const published = rows.length > 0 ? latest(rows.map((r) => r.release_date)) : await dbNow(this.dataSource.manager);
    // every page names the next one (after its last release): a client polling links.next sees each release once,
    // also those published while it reads; an empty page names itself (nothing new yet)
    const next =
      rows.length > 0 ? this.url(`/releases?${params(encodeCursor(String(rows[rows.length - 1].seq)))}`) : uri;
    return releasePackageJson(
      this.meta(uri, published),
      rows.map((r) => r.release_json),
      { next },
    );
  }

  /** The record package of one process: its releases (embedded, as stored) and its compiled release. */
  async record(ocid: string): Promise<string> {
    const rows = (await this.dataSource.query(
      'SELECT release_json, release_date FROM ocds_releases WHERE ocid = ? ORDER BY release_date, seq',
      [ocid],
    )) as Array<{ release_json: string; release_date: Date }>;
    if (rows.length === 0)
      throw new OpenDataError(OpenDataErrorCode.RECORD_NOT_FOUND, `No release was published for ${ocid}.`);
    const releases = rows.map((r) => JSON.parse(r.release_json) as ReleaseLike);
    return recordPackageJson(
      this.meta(this.url(`/records/${ocid}`), latest(rows.map((r) => r.release_date))),
      [this.url(`/releases`)],
      ocid,
      rows.map((r) => r.release_json),
      compileReleases(releases),
    );
  }

  /** The months that have releases, with their files. */
  async bulkIndex(): Promise<BulkIndexDto> {
    const now = await dbNow(this.dataSource.manager);
    const rows = (await this.dataSource.query(
      `SELECT DATE_FORMAT(release_date + INTERVAL 8 HOUR, '%Y-%m') AS month, COUNT(*) AS n
         FROM ocds_releases GROUP BY month ORDER BY month`,
    )) as Array<{ month: string; n: string | number }>;
    const current = monthOf(now);
    return {
      months: rows.map((r) => ({
        month: r.month,
        releaseCount: Number(r.n),
        final: r.month < current,
        releasePackage: this.url(`/bulk/${r.month}`),
        csv: Object.fromEntries(
          FLAT_FILES.map((f) => [f, this.url(`/bulk/${r.month}/csv/${f}`)]),
        ) as unknown as BulkFileLinksDto,
      })),
    };
  }

  /** The release package of a Beijing month (stored, and so unchanging, once the month is over). */
  monthPackage(month: string): Promise<OpenDataFile> {
    return this.monthFile(month, 'releases.json', 'application/json; charset=utf-8', (rows) =>
      releasePackageJson(
        this.meta(this.url(`/bulk/${month}`), latest(rows.map((r) => r.release_date))),
        rows.map((r) => r.release_json),
      ),
    );
  }

  /** One CSV flat file of a Beijing month. */
  monthCsv(month: string, file: FlatFile): Promise<OpenDataFile> {
    return this.monthFile(month, `${file}.csv`, 'text/csv; charset=utf-8', (rows) =>
      flatFileCsv(
        file,
        rows.map((r) => JSON.parse(r.release_json) as JsonObject),
      ),
    );
  }

  private async monthFile(
    month: string,
    name: string,
    contentType: string,
    render: (rows: Array<{ release_json: string; release_date: Date }>) => string,
  ): Promise<OpenDataFile> {
    const now = await dbNow(this.dataSource.manager);
    const current = monthOf(now);
    if (month > current) throw new OpenDataError(OpenDataErrorCode.MONTH_NOT_FOUND, `${month} has not begun.`);
    const final = month < current;
    if (final) {
      const [stored] = (await this.dataSource.query(
        'SELECT content, content_type, sha256 FROM ocds_bulk_files WHERE month = ? AND name = ?',
        [month, name],
      )) as Array<{ content: Buffer; content_type: string; sha256: string }>;
      if (stored) return { content: stored.content, contentType: stored.content_type, sha256: stored.sha256, final };
    }
    const { start, end } = beijingMonth(month);
    const rows = (await this.dataSource.query(
      'SELECT release_json, release_date FROM ocds_releases WHERE release_date >= ? AND release_date < ? ORDER BY seq',
      [start, end],
    )) as Array<{ release_json: string; release_date: Date }>;
    if (rows.length === 0)
      throw new OpenDataError(OpenDataErrorCode.MONTH_NOT_FOUND, `No release is dated in ${month}.`);
    const content = Buffer.from(render(rows), 'utf8');
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (final) {
      // the month is over: its releases can no longer change (they are append-only and dated by the database clock of
      // their change), so the file is stored once — the first writer wins, every later request serves those bytes
      await this.dataSource.query(
        `INSERT IGNORE INTO ocds_bulk_files (month, name, content_type, content, sha256, release_count, created_at)
         VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))`,
        [month, name, contentType, content, sha256, rows.length],
      );
      const [stored] = (await this.dataSource.query(
        'SELECT content, content_type, sha256 FROM ocds_bulk_files WHERE month = ? AND name = ?',
        [month, name],
      )) as Array<{ content: Buffer; content_type: string; sha256: string }>;
      return { content: stored.content, contentType: stored.content_type, sha256: stored.sha256, final };
    }
    return { content, contentType, sha256, final };
  }
}

function latest(dates: Date[]): Date {
  return dates.reduce((a, b) => (b > a ? b : a));
}
