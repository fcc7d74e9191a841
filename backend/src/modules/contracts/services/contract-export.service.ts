import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';

import { Actor } from '../../../platform/access';
import { ListContractsQuery } from '../dto/contract.dto';
import { ContractsService } from './contracts.service';

const STATUS_ZH: Record<string, string> = {
  DRAFT: '草稿',
  SIGNED: '已签订',
  ACTIVE: '履约中',
  COMPLETED: '已完成',
  TERMINATED: '已终止',
};

/** The contract list as an Excel workbook (the same filters and scope as the list, at most 10,000 rows). */
@Injectable()
export class ContractExportService {
  constructor(private readonly contracts: ContractsService) {}

  async xlsx(actor: Actor, q: ListContractsQuery): Promise<Buffer> {
    const first = await this.contracts.list(actor, { ...q, page: 1, pageSize: 100 });
    const all = [...first.items];
    for (let p = 2; (p - 1) * 100 < first.total && p <= 100; p++)
      all.push(...(await this.contracts.list(actor, { ...q, page: p, pageSize: 100 })).items);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('合同');
    ws.columns = [
      { header: '合同编号', key: 'code', width: 18 },
      { header: '项目', key: 'title', width: 36 },
      { header: '区划', key: 'region', width: 14 },
      { header: '供应商', key: 'org', width: 30 },
      { header: '状态', key: 'status', width: 10 },
      { header: '金额（元）', key: 'amount', width: 16 },
      { header: '服务期起', key: 'start', width: 12 },
      { header: '服务期止', key: 'end', width: 12 },
      { header: '签订期限', key: 'due', width: 22 },
      { header: '签订时间', key: 'signed', width: 22 },
      { header: '公告时间', key: 'published', width: 22 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const c of all)
      ws.addRow({
        code: c.code,
        title: c.title,
        region: c.regionName,
        org: c.organisationName,
        status: STATUS_ZH[c.status] ?? c.status,
        amount: c.amount,
        start: c.termStart,
        end: c.termEnd,
        due: c.signatureDueAt,
        signed: c.signedAt ?? '',
        published: c.publishedAt ?? '',
      });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
