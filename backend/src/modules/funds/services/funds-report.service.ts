import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, Like } from 'typeorm';

import { Actor } from '../../../platform/access';
import { formatBeijingNumeric } from '../../../platform/i18n';
import { fenToYuan } from '../../../platform/util/money';
import { RegionsService } from '../../regions';
import { FundsError, FundsErrorCode } from '../domain/funds.errors';
import { Balances, Bucket, rateBp, replay } from '../domain/ledger';
import { ConsistencyDto, ListEntriesQuery, ListLinesQuery, ReportQuery, ReportRowDto } from '../dto/funds.dto';
import { BudgetLineEntity, LedgerEntryEntity } from '../entities/funds.entities';
import { BudgetLinesService } from './budget-lines.service';
import { custodyConsistency } from './custody.service';
import { balancesOf, yuanBalances } from './ledger.service';

const SOURCE_ZH: Record<string, string> = {
  CITY_FINANCE: '市级财政',
  DISTRICT_FINANCE: '区级财政',
  STREET_FINANCE: '街道财政',
  WELFARE_LOTTERY: '福彩公益金',
  DONATION: '社会捐赠',
};

/** Execution reports, the ledger consistency check and Excel exports. */
@Injectable()
export class FundsReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly lines: BudgetLinesService,
  ) {}

  /** Sums per group of ACTIVE lines in the region's subtree; rates in basis points, exact. */
  async execution(actor: Actor, q: ReportQuery): Promise<ReportRowDto[]> {
    if (actor.regionId === null) throw new FundsError(FundsErrorCode.LINE_NOT_FOUND, 'Your account has no region.');
    const root = await this.regions.getInScope(actor, q.regionId ?? actor.regionId);
    const rows: Array<{
      region_path: string;
      source: string;
      restricted_category_code: string | null;
      a: string;
      r: string;
      c: string;
      p: string;
    }> = await this.dataSource.query(
      `SELECT region_path, source, restricted_category_code,
              SUM(available_fen) AS a, SUM(reserved_fen) AS r, SUM(committed_fen) AS c, SUM(paid_fen) AS p
         FROM budget_lines WHERE status = 'ACTIVE' AND year = ? AND region_path LIKE ?
        GROUP BY region_path, source, restricted_category_code`,
      [q.year, `${root.path}%`],
    );
    const groups = new Map<string, { label: string; b: Balances }>();
    const children =
      q.groupBy === 'region' ? (await this.regions.subtree(actor, root.id)).filter((r) => r.parentId === root.id) : [];
    const keyOf = async (row: (typeof rows)[number]): Promise<[string, string]> => {
      if (q.groupBy === 'source') return [row.source, SOURCE_ZH[row.source] ?? row.source];
      if (q.groupBy === 'category')
        return [row.restricted_category_code ?? '-', row.restricted_category_code ?? '不限类别'];
      const child = children.find((c) => row.region_path.startsWith(c.path));
      return child ? [String(child.id), child.name] : [String(root.id), `${root.name}（本级）`];
    };
    for (const row of rows) {
      const [key, label] = await keyOf(row);
      const g = groups.get(key) ?? { label, b: { available: 0n, reserved: 0n, committed: 0n, paid: 0n } };
      g.b.available += BigInt(row.a);
      g.b.reserved += BigInt(row.r);
      g.b.committed += BigInt(row.c);
      g.b.paid += BigInt(row.p);
      groups.set(key, g);
    }
    return [...groups.entries()]
      .map(([key, { label, b }]) => {
        const alloc = b.available + b.reserved + b.committed + b.paid;
        return {
          key,
          label,
          allocated: fenToYuan(alloc),
          reserved: fenToYuan(b.reserved),
          committed: fenToYuan(b.committed + b.paid),
          paid: fenToYuan(b.paid),
          paidRateBp: rateBp(b.paid, alloc),
          committedRateBp: rateBp(b.committed + b.paid, alloc),
        };
      })
      .sort((x, y) => x.key.localeCompare(y.key));
  }

  /** See {@link ledgerConsistency}; limited to the lines of the actor's region subtree. */
  consistency(actor: Actor): Promise<ConsistencyDto> {
    if (actor.regionPath === null)
      return Promise.resolve({
        ok: true,
        linesChecked: 0,
        differences: [],
        custodyAccountsChecked: 0,
        custodyDifferences: [],
      });
    return ledgerConsistency(this.dataSource, actor.regionPath);
  }

  async linesXlsx(actor: Actor, q: ListLinesQuery): Promise<Buffer> {
    const page = await this.lines.list(actor, { ...q, page: 1, pageSize: 100 });
    const all = [...page.items];
    for (let p = 2; (p - 1) * 100 < page.total && p <= 100; p++)
      all.push(...(await this.lines.list(actor, { ...q, page: p, pageSize: 100 })).items);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算指标');
    ws.columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '年度', key: 'year', width: 8 },
      { header: '区划', key: 'region', width: 14 },
      { header: '资金来源', key: 'source', width: 12 },
      { header: '定向类别', key: 'cat', width: 10 },
      { header: '名称', key: 'title', width: 36 },
      { header: '状态', key: 'status', width: 14 },
      { header: '批复（元）', key: 'allocated', width: 16 },
      { header: '可用（元）', key: 'available', width: 16 },
      { header: '预留（元）', key: 'reserved', width: 16 },
      { header: '承诺（元）', key: 'committed', width: 16 },
      { header: '已支付（元）', key: 'paid', width: 16 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const l of all) {
      ws.addRow({
        id: l.id,
        year: l.year,
        region: l.regionName,
        source: SOURCE_ZH[l.source] ?? l.source,
        cat: l.restrictedCategoryCode ?? '',
        title: l.title,
        status: l.status,
        ...l.balances,
      });
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async entriesXlsx(actor: Actor, lineId: number, q: ListEntriesQuery): Promise<Buffer> {
    await this.lines.visible(actor, lineId, this.dataSource.manager);
    const rows = await this.dataSource.getRepository(LedgerEntryEntity).find({
      where: { lineId, ...(q.operation ? { operation: q.operation } : {}) },
      order: { id: 'ASC' },
      take: 100_000,
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`指标${lineId}台账`);
    ws.columns = [
      { header: '分录号', key: 'id', width: 10 },
      { header: '时间（北京时间）', key: 'at', width: 22 },
      { header: '业务', key: 'op', width: 22 },
      { header: '从', key: 'from', width: 12 },
      { header: '到', key: 'to', width: 12 },
      { header: '金额（元）', key: 'amount', width: 16 },
      { header: '幂等键', key: 'key', width: 30 },
      { header: '关联', key: 'ref', width: 24 },
      { header: '摘要', key: 'memo', width: 30 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const e of rows) {
      ws.addRow({
        id: e.id,
        at: formatBeijingNumeric(e.createdAt, 'second'),
        op: e.operation,
        from: e.fromBucket,
        to: e.toBucket,
        amount: fenToYuan(e.amountFen),
        key: e.idempotencyKey,
        ref: e.referenceType ? `${e.referenceType}:${e.referenceId}` : '',
        memo: e.memo ?? '',
      });
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

/**
 * Recomputes every line's balances from its ledger entries and compares them with the stored
 * balances, and likewise every custody account (deposits and bonds: money held for others, in a ledger of
 * its own) from the custody entries. Used by `npx nx run backend:check-ledger` (operators), by the auditors' endpoint and by
 * the tests.
 */
export async function ledgerConsistency(dataSource: DataSource, regionPrefix?: string): Promise<ConsistencyDto> {
  const lines = await dataSource
    .getRepository(BudgetLineEntity)
    .find({ where: regionPrefix ? { regionPath: Like(`${regionPrefix}%`) } : {}, order: { id: 'ASC' } });
  const sums: Array<{ line_id: number; from_bucket: Bucket; to_bucket: Bucket; total: string }> =
    await dataSource.query(
      'SELECT line_id, from_bucket, to_bucket, SUM(amount_fen) AS total FROM ledger_entries GROUP BY line_id, from_bucket, to_bucket',
    );
  const differences: ConsistencyDto['differences'] = [];
  for (const line of lines) {
    const fromLedger = replay(
      sums
        .filter((s) => s.line_id === line.id)
        .map((s) => ({ fromBucket: s.from_bucket, toBucket: s.to_bucket, amountFen: BigInt(s.total) })),
    );
    const stored = balancesOf(line);
    if (
      stored.available !== fromLedger.available ||
      stored.reserved !== fromLedger.reserved ||
      stored.committed !== fromLedger.committed ||
      stored.paid !== fromLedger.paid
    ) {
      differences.push({ lineId: line.id, stored: yuanBalances(stored), fromLedger: yuanBalances(fromLedger) });
    }
  }
  const custody = await custodyConsistency(dataSource, regionPrefix);
  return {
    ok: differences.length === 0 && custody.differences.length === 0,
    linesChecked: lines.length,
    differences,
    custodyAccountsChecked: custody.accountsChecked,
    custodyDifferences: custody.differences,
  };
}
