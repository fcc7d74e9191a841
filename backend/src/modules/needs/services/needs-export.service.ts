import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';

import { Actor } from '../../../platform/access';
import { formatBeijingNumeric, label } from '../../../platform/i18n';
import { ListNeedsQuery } from '../dto/needs.dto';
import { NeedsService } from './needs.service';

export const EXPORT_MAX_ROWS = 50_000;

/** The needs list as an Excel workbook (same filters and scope as GET /needs). */
@Injectable()
export class NeedsExportService {
  constructor(private readonly needs: NeedsService) {}

  async xlsx(actor: Actor, q: ListNeedsQuery): Promise<Buffer> {
    const rows = await this.needs.listAll(actor, q, EXPORT_MAX_ROWS);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Diandan';
    const ws = wb.addWorksheet('需求');
    ws.columns = [
      { header: '编号', key: 'id', width: 10 },
      { header: '标题', key: 'title', width: 40 },
      { header: '状态', key: 'status', width: 12 },
      { header: '类别', key: 'category', width: 20 },
      { header: '社区', key: 'region', width: 20 },
      { header: '支持人数', key: 'supports', width: 10 },
      { header: '渠道', key: 'channel', width: 10 },
      { header: '提交时间（北京时间）', key: 'createdAt', width: 22 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      ws.addRow({
        id: r.id,
        title: r.title,
        status: label('needStatus', r.status, 'zh-CN'), // the same words as the timeline's (one list)
        category: r.categoryName,
        region: r.regionName,
        supports: r.supportCount,
        channel: r.channel === 'PROXY' ? '代录' : '线上',
        createdAt: formatBeijingNumeric(r.createdAt, 'second'),
      });
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
