import { existsSync } from 'node:fs';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { formatBeijingText } from '../../../platform/i18n';
import { canonicalJson, sha256Hex } from '../../../platform/util/canonical-json';
import { fenToYuan } from '../../../platform/util/money';
import { SignedContent } from '../domain/contract-draft';
import { bpToPercent } from '../domain/money-rules';
import { ContractsService } from './contracts.service';

/**
 * The printable contract (合同文本): generated server-side from the frozen content (a draft from its current content,
 * marked 草稿), in Chinese (CONTRACT_PDF_FONT), with the SHA-256 of the signed content on every page and in
 * the document's Subject.
 */
@Injectable()
export class ContractPdfService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly contracts: ContractsService,
  ) {}

  async render(actor: Actor, id: number): Promise<{ pdf: Buffer; fileName: string }> {
    const c = await this.contracts.visible(actor, id, this.dataSource.manager);
    const draft = c.frozenContent === null;
    const content: SignedContent = draft
      ? await this.contracts.signedContent(this.dataSource.manager, c)
      : (JSON.parse(c.frozenContent as string) as SignedContent);
    const sha = draft ? sha256Hex(canonicalJson(content)) : (c.contentSha256 as string);
    const pdf = await this.build(content, sha, draft, {
      purchaserSignedAt: c.purchaserSignedAt,
      supplierSignedAt: c.supplierSignedAt,
    });
    return { pdf, fileName: `${c.code}${draft ? '-draft' : ''}.pdf` };
  }

  private checkFont(): void {
    if (!existsSync(this.env.CONTRACT_PDF_FONT))
      throw new ServiceUnavailableException(`The contract font ${this.env.CONTRACT_PDF_FONT} is not installed.`);
  }

  async build(
    s: SignedContent,
    sha: string,
    draft: boolean,
    signed: { purchaserSignedAt: Date | null; supplierSignedAt: Date | null },
  ): Promise<Buffer> {
    this.checkFont();
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 64, left: 60, right: 60 },
      bufferPages: true,
      info: { Title: `${s.code} ${s.title}`, Subject: `SHA-256 ${sha}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (b) => chunks.push(b));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    const file = this.env.CONTRACT_PDF_FONT;
    if (/\.ttc$/i.test(file)) doc.registerFont('cjk', file, this.env.CONTRACT_PDF_FONT_NAME);
    else doc.registerFont('cjk', file);
    doc.font('cjk');

    const p = s.content;
    doc.fontSize(20).text(`政府购买服务合同${draft ? '（草稿）' : ''}`, { align: 'center' });
    doc.moveDown(0.5).fontSize(11).text(`合同编号：${s.code}`, { align: 'center' });
    doc.moveDown();
    doc.fontSize(12).text(`项目名称：${s.title}`);
    doc.moveDown(0.5);
    doc.text(`甲方（采购人）：${p.purchaser.name}`);
    if (p.purchaser.address) doc.text(`地址：${p.purchaser.address}`);
    if (p.purchaser.representative) doc.text(`代表人：${p.purchaser.representative}`);
    doc.moveDown(0.5);
    doc.text(`乙方（供应商）：${p.supplier.name}`);
    doc.text(`统一社会信用代码：${p.supplier.creditCode}`);
    doc.text(`法定代表人：${p.supplier.legalRepresentative}`);
    doc.text(`开户银行：${p.supplier.bankName}`);
    doc.text(`账户名称：${p.supplier.bankAccountName}`);
    doc.text(`银行账号：${p.supplier.bankAccountNo}`);
    doc.moveDown();
    const section = (title: string, body: string) => {
      doc
        .fontSize(13)
        .text(title)
        .moveDown(0.2)
        .fontSize(11)
        .text(body || '—')
        .moveDown(0.6);
    };
    section('第一条 服务内容', p.scope);
    section('第二条 服务标准', p.serviceStandard);
    section(
      '第三条 合同金额与服务期限',
      `合同金额：人民币 ${fenToYuan(s.amountFen)} 元。服务期限：${s.termStart} 至 ${s.termEnd}。` +
        `采购人自验收合格之日起 ${s.paymentDays} 日内支付对应款项。`,
    );
    section(
      '第四条 里程碑与付款安排',
      s.milestones
        .map(
          (m) =>
            `${m.seq}. ${m.title}（${m.isFinal ? '尾款，' : ''}${bpToPercent(m.shareBp)}%，${fenToYuan(m.amountFen)} 元，` +
            `${m.dueDate} 前）：${m.deliverables}`,
        )
        .join('\n'),
    );
    section('第五条 验收方式', p.acceptanceMethod);
    section(
      '第六条 履约保证金',
      `履约保证金为合同金额的 ${bpToPercent(s.bondBp)}%，计 ${fenToYuan(s.bondFen)} 元。${p.bondTerms}`,
    );
    section('第七条 其他约定', p.otherTerms);
    doc.moveDown();
    const when = (d: Date | null) => (d ? `签订时间：${formatBeijingText(d, 'zh-CN', { zone: true })}` : '（未签）');
    doc.fontSize(12).text(`甲方（盖章）：${p.purchaser.name}    ${when(signed.purchaserSignedAt)}`);
    doc.moveDown(0.5).text(`乙方（盖章）：${p.supplier.name}    ${when(signed.supplierSignedAt)}`);

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const { width, height, margins } = doc.page;
      const bottom = margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .fontSize(8)
        .fillColor('#444444')
        .text(
          `${draft ? '草稿 · 内容 ' : ''}SHA-256: ${sha}    第 ${i + 1} / ${range.count} 页`,
          margins.left,
          height - 40,
          { width: width - margins.left - margins.right, align: 'center', lineBreak: false },
        );
      if (draft) {
        doc.save().opacity(0.12).fontSize(110).fillColor('#cc0000');
        doc.rotate(-30, { origin: [width / 2, height / 2] });
        doc.text('草稿', width / 2 - 110, height / 2 - 60, { lineBreak: false });
        doc.restore();
      }
      doc.fillColor('#000000');
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return done;
  }
}
