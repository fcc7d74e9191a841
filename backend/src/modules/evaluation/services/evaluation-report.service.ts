import { existsSync } from 'node:fs';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { inTransaction } from '../../../platform/database/transaction';
import { formatBeijingNumeric } from '../../../platform/i18n';
import { fenToYuan } from '../../../platform/util/money';
import { MeasureView, SheetNode } from '../domain/scoresheet';
import { TaskEvidenceDto } from '../dto/scoring.dto';
import { Scoresheet, ScoringService } from './scoring.service';

/** The words of the report (zh-CN: the report is an official document of a Chinese bureau). */
export const GRADE_ZH: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
export const SOURCE_ZH: Record<string, string> = {
  MANUAL: '人工评分',
  COMPUTED: '系统计算',
  OVERRIDE: '调整计算值',
  MANUAL_INSUFFICIENT: '数据不足，人工评分',
};
const STATUS_ZH: Record<string, string> = {
  OPEN: '待分派',
  ASSIGNED: '已分派',
  IN_PROGRESS: '评估中',
  SUBMITTED: '已提交',
  RETURNED: '已退回',
  CONFIRMED: '已确认',
  PUBLISHED: '已公布',
  CANCELLED: '已取消',
};
const INDICATOR_ZH: Record<string, string> = {
  BENEFICIARIES_SERVED: '服务对象覆盖',
  SERVICE_HOURS: '服务时长',
  MILESTONES_ON_TIME: '里程碑按时完成',
  FUNDS_PAID: '资金到位',
  SATISFACTION: '服务对象满意度',
};
const UNIT_ZH: Record<string, string> = { PEOPLE: '人', HOURS: '小时', MILESTONES: '个', FEN: '元', ANSWERS: '份' };
const INSUFFICIENT_ZH: Record<string, string> = {
  NO_PLAN: '无计划值',
  NO_DATA: '暂无数据',
  TOO_FEW_ANSWERS: '答卷不足',
};
const BASIS_ZH: Record<string, string> = {
  NAMED_BENEFICIARIES: '按服务时长记录中的服务对象人数',
  LARGEST_ACTIVITY: '按单次活动最多参与人数',
  HOURS_INDICATOR: '计划值取自以小时计的产出指标',
  PROJECT_QUANTITY: '计划值取自项目采购数量',
};
const KIND_ZH: Record<string, string> = { PHOTO: '现场照片', DOCUMENT: '文件', INTERVIEW: '访谈记录' };

const beijing = (iso: string | null) => (iso ? formatBeijingNumeric(iso, 'minute') : '');

function amount(m: MeasureView, value: string): string {
  return m.unit === 'FEN' ? fenToYuan(BigInt(value.split('.')[0])) : value;
}

/** "实际 432 人 / 计划 480 人（90.00%）", with why it could not score, as the report writes a measure. */
export function measureText(m: MeasureView): string {
  const unit = UNIT_ZH[m.unit] ?? '';
  const base = `实际 ${amount(m, m.actual)} ${unit} / 计划 ${amount(m, m.planned)} ${unit}`;
  const rate = m.ratePercent === null ? '' : `（${m.ratePercent}%）`;
  const why = m.insufficient ? `，${INSUFFICIENT_ZH[m.insufficient] ?? m.insufficient}` : '';
  const basis = m.basis ? `；${BASIS_ZH[m.basis] ?? m.basis}` : '';
  return `${INDICATOR_ZH[m.indicator] ?? m.indicator}：${base}${rate}${why}${basis}`;
}

function leavesIn(nodes: SheetNode<TaskEvidenceDto>[]): SheetNode<TaskEvidenceDto>[] {
  return nodes.flatMap((n) => (n.leaf ? [n] : leavesIn(n.children)));
}

function flat(nodes: SheetNode<TaskEvidenceDto>[], trail: string[] = []) {
  const out: Array<{ node: SheetNode<TaskEvidenceDto>; trail: string[] }> = [];
  for (const n of nodes) {
    out.push({ node: n, trail });
    out.push(...flat(n.children, [...trail, n.name]));
  }
  return out;
}

export function evidenceLine(e: TaskEvidenceDto): string {
  if (e.kind === 'INTERVIEW')
    return (
      `访谈：${e.interviewee ?? '（受访人不向被评估机构公开）'}，${beijing(e.takenAt)}` +
      `${e.place ? `，${e.place}` : ''}。${e.summary ?? ''}`
    );
  const when = e.takenAt ? `，拍摄/形成时间 ${beijing(e.takenAt)}` : '';
  const exif = e.exifTakenAt ? `（相机记录 ${beijing(e.exifTakenAt)}）` : '';
  return `${KIND_ZH[e.kind]}：${e.fileName ?? ''}${when}${exif}${e.place ? `，地点 ${e.place}` : ''}`;
}

/**
 * The evaluation report of a task (issue #11 item 7): a PDF in Chinese (CONTRACT_PDF_FONT) and an Excel workbook,
 * both from the scoresheet the caller may read — the tree with points and scores, where each score comes from,
 * the measures of the computed leaves, the reason of every override and insufficient leaf, the evidence list (file
 * names, SHA-256, time, place), the survey's figures, the total and the grade. Times are Beijing time. Before
 * submission the report is a draft (marked 草稿) of the live scoresheet.
 */
@Injectable()
export class EvaluationReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly scoring: ScoringService,
  ) {}

  private async sheet(actor: Actor, taskId: number): Promise<Scoresheet> {
    return inTransaction(this.dataSource, async (em) => {
      const { task, viewer } = await this.scoring.readable(actor, taskId, em);
      return this.scoring.build(em, actor, task, viewer);
    });
  }

  async pdf(actor: Actor, taskId: number): Promise<{ content: Buffer; fileName: string }> {
    const s = await this.sheet(actor, taskId);
    if (!existsSync(this.env.CONTRACT_PDF_FONT))
      throw new ServiceUnavailableException(`The report font ${this.env.CONTRACT_PDF_FONT} is not installed.`);
    return { content: await this.buildPdf(s), fileName: `${s.task.code}-评估报告.pdf` };
  }

  async xlsx(actor: Actor, taskId: number): Promise<{ content: Buffer; fileName: string }> {
    const s = await this.sheet(actor, taskId);
    return { content: await this.buildXlsx(s), fileName: `${s.task.code}-评估报告.xlsx` };
  }

  private draft(s: Scoresheet): boolean {
    return s.task.submittedAt === null || !['SUBMITTED', 'CONFIRMED', 'PUBLISHED'].includes(s.task.status);
  }

  private result(s: Scoresheet): { score: string; exact: string; grade: string } {
    return this.draft(s)
      ? { score: s.total.rounded, exact: s.total.exact, grade: GRADE_ZH[s.total.grade] }
      : {
          score: s.task.totalScore ?? s.total.rounded,
          exact: s.task.totalExact ?? s.total.exact,
          grade: GRADE_ZH[s.task.grade ?? s.total.grade],
        };
  }

  async buildPdf(s: Scoresheet): Promise<Buffer> {
    const draft = this.draft(s);
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 60, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      info: { Title: `${s.task.code} 第三方评估报告`, Subject: `${s.task.contractCode} ${s.task.contractTitle}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    const font = this.env.CONTRACT_PDF_FONT;
    if (/\.ttc$/i.test(font)) doc.registerFont('cjk', font, this.env.CONTRACT_PDF_FONT_NAME);
    else doc.registerFont('cjk', font);
    doc.font('cjk');

    const t = s.task;
    const r = this.result(s);
    doc.fontSize(20).text(`政府购买服务第三方评估报告${draft ? '（草稿）' : ''}`, { align: 'center' });
    doc.moveDown(0.4).fontSize(11).text(`评估编号：${t.code}`, { align: 'center' });
    doc.moveDown();
    doc.fontSize(11);
    const line = (label: string, value: string | null) => {
      if (value) doc.text(`${label}：${value}`);
    };
    line('项目合同', `${t.contractCode} ${t.contractTitle}`);
    line('服务期限', `${t.termStart} 至 ${t.termEnd}`);
    line('被评估机构', t.organisationName);
    line('评估机构', t.agencyName);
    line('评估员', t.evaluatorName);
    line('评估类型', t.kind === 'FINAL' ? '终期评估' : '中期评估');
    line(
      '指标体系',
      `${s.template.name}（${s.template.code} 第 ${s.template.version} 版，满分 ${s.template.total} 分）`,
    );
    line('任务状态', STATUS_ZH[t.status] ?? t.status);
    line('评估截止', beijing(t.dueAt));
    line('提交时间', beijing(t.submittedAt));
    line('确认时间', beijing(t.confirmedAt));
    line('公布时间', beijing(t.publishedAt));
    doc.moveDown(0.5);
    doc
      .fontSize(14)
      .text(`总分：${r.score} 分　　等级：${r.grade}${draft ? '（按当前评分）' : ''}`)
      .fontSize(9)
      .fillColor('#444444')
      .text(`精确值 ${r.exact}；总分按四舍五入保留两位小数，等级按两位小数的总分评定。`)
      .fillColor('#000000');
    if (!s.total.complete && draft) doc.fontSize(10).text(`尚有 ${s.open.length} 项指标待评分。`);

    const section = (title: string) => doc.moveDown(0.8).fontSize(14).text(title).moveDown(0.3).fontSize(10);
    section('一、指标与得分');
    for (const { node } of flat(s.nodes)) {
      const indent = (node.depth - 1) * 14;
      const score = node.score ? node.score.rounded : '—';
      if (!node.leaf) {
        doc.fontSize(11).text(`${node.key} ${node.name}（${node.points} 分）　得分 ${score}`, { indent });
        continue;
      }
      doc
        .fontSize(10)
        .text(
          `${node.key} ${node.name}（${node.points} 分）　得分 ${score}　${node.source ? SOURCE_ZH[node.source] : '未评分'}`,
          { indent },
        );
      const sub = (text: string) =>
        doc
          .fontSize(9)
          .fillColor('#333333')
          .text(text, { indent: indent + 14 });
      if (node.measure) sub(measureText(node.measure));
      if (node.computedScore) sub(`计算值 ${node.computedScore.rounded}（精确值 ${node.computedScore.exact}）`);
      if (node.score && node.source !== 'MANUAL') sub(`得分精确值 ${node.score.exact}`);
      if (node.entry?.overrideReason) sub(`理由：${node.entry.overrideReason}`);
      if (node.entry?.note) sub(`评估说明：${node.entry.note}`);
      if (node.evidence.length > 0) sub(`佐证材料：${node.evidence.map((e) => `#${e.id}`).join('、')}`);
      doc.fillColor('#000000');
    }

    section('二、调整计算值与数据不足的说明');
    const explained = leavesIn(s.nodes).filter((n) => n.source === 'OVERRIDE' || n.source === 'MANUAL_INSUFFICIENT');
    if (explained.length === 0) doc.text('无。');
    for (const n of explained)
      doc.text(
        `${n.key} ${n.name}：${SOURCE_ZH[n.source as string]}，计算值 ${n.computedScore?.rounded ?? '无'}，` +
          `得分 ${n.score?.rounded ?? '—'}。理由：${n.entry?.overrideReason ?? ''}`,
      );

    section('三、服务对象满意度调查');
    const v = s.survey;
    if (v.surveyId === null) doc.text('本项目未开展满意度调查。');
    else
      doc.text(
        `有效答卷 ${v.answers} 份，其中满意及非常满意 ${v.satisfied} 份，满意率 ${v.ratePercent ?? '—'}%；` +
          `社区工作者代答 ${v.proxied} 份；计算满意度指标所需最少答卷 ${v.minimum} 份${v.insufficient ? '（答卷不足，满意度指标由评估员人工评分）' : ''}。` +
          `调查状态：${v.status === 'OPEN' ? '进行中' : '已结束'}。`,
      );

    section('四、佐证材料');
    if (s.evidence.length === 0) doc.text('无。');
    for (const e of s.evidence) {
      doc.fontSize(10).text(`#${e.id}　${evidenceLine(e)}`);
      doc
        .fontSize(8)
        .fillColor('#444444')
        .text(`对应指标：${e.leafKeys.join('、')}　SHA-256：${e.sha256}　登记时间：${beijing(e.createdAt)}`, {
          indent: 14,
        })
        .fillColor('#000000');
    }

    section('五、总体评价');
    doc.text(t.summary ?? (draft ? '（提交时填写）' : '—'));

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
          `${t.code}${draft ? ' · 草稿' : ''} · 北京时间 · 第 ${i + 1} / ${range.count} 页`,
          margins.left,
          height - 40,
          { width: width - margins.left - margins.right, align: 'center', lineBreak: false },
        );
      if (draft) {
        doc.save().opacity(0.1).fontSize(110).fillColor('#cc0000');
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

  async buildXlsx(s: Scoresheet): Promise<Buffer> {
    const t = s.task;
    const r = this.result(s);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Diandan';

    const summary = wb.addWorksheet('概况');
    summary.columns = [
      { header: '项目', key: 'k', width: 20 },
      { header: '内容', key: 'v', width: 70 },
    ];
    summary.getRow(1).font = { bold: true };
    for (const [k, v] of [
      ['评估编号', t.code],
      ['报告状态', this.draft(s) ? '草稿（未提交）' : STATUS_ZH[t.status]],
      ['合同编号', t.contractCode],
      ['合同名称', t.contractTitle],
      ['服务期限', `${t.termStart} 至 ${t.termEnd}`],
      ['被评估机构', t.organisationName],
      ['评估机构', t.agencyName ?? ''],
      ['评估员', t.evaluatorName ?? ''],
      ['评估类型', t.kind === 'FINAL' ? '终期评估' : '中期评估'],
      ['指标体系', `${s.template.name}（${s.template.code} 第 ${s.template.version} 版）`],
      ['满分', s.template.total],
      ['总分（四舍五入两位）', r.score],
      ['总分精确值', r.exact],
      ['等级', r.grade],
      ['提交时间（北京时间）', beijing(t.submittedAt)],
      ['确认时间（北京时间）', beijing(t.confirmedAt)],
      ['总体评价', t.summary ?? ''],
    ])
      summary.addRow({ k, v });

    const scores = wb.addWorksheet('指标得分');
    scores.columns = [
      { header: '层级', key: 'depth', width: 6 },
      { header: '编号', key: 'key', width: 8 },
      { header: '上级指标', key: 'trail', width: 22 },
      { header: '指标', key: 'name', width: 24 },
      { header: '分值', key: 'points', width: 8 },
      { header: '得分', key: 'score', width: 10 },
      { header: '得分精确值', key: 'exact', width: 16 },
      { header: '来源', key: 'source', width: 18 },
      { header: '系统数据', key: 'measure', width: 48 },
      { header: '计算值', key: 'computed', width: 10 },
      { header: '调整或人工评分理由', key: 'reason', width: 36 },
      { header: '评估说明', key: 'note', width: 36 },
      { header: '佐证材料', key: 'evidence', width: 16 },
    ];
    scores.getRow(1).font = { bold: true };
    for (const { node, trail } of flat(s.nodes)) {
      const row = scores.addRow({
        depth: node.depth,
        key: node.key,
        trail: trail.join(' / '),
        name: node.name,
        points: node.points,
        score: node.score?.rounded ?? '',
        exact: node.score?.exact ?? '',
        source: node.leaf ? (node.source ? SOURCE_ZH[node.source] : '未评分') : '',
        measure: node.measure ? measureText(node.measure) : '',
        computed: node.computedScore?.rounded ?? '',
        reason: node.entry?.overrideReason ?? '',
        note: node.entry?.note ?? '',
        evidence: node.evidence.map((e) => `#${e.id}`).join(' '),
      });
      if (!node.leaf) row.font = { bold: true };
    }
    scores.addRow({ name: '合计', points: s.template.total, score: r.score, exact: r.exact, source: r.grade }).font = {
      bold: true,
    };

    const evidence = wb.addWorksheet('佐证材料');
    evidence.columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '类型', key: 'kind', width: 10 },
      { header: '对应指标', key: 'leaves', width: 14 },
      { header: '文件名', key: 'fileName', width: 28 },
      { header: 'SHA-256', key: 'sha256', width: 68 },
      { header: '时间（北京时间）', key: 'takenAt', width: 20 },
      { header: '地点', key: 'place', width: 24 },
      { header: '相机记录时间（北京时间）', key: 'exif', width: 22 },
      { header: '受访人', key: 'interviewee', width: 18 },
      { header: '访谈摘要', key: 'summary', width: 48 },
      { header: '登记时间（北京时间）', key: 'createdAt', width: 20 },
    ];
    evidence.getRow(1).font = { bold: true };
    for (const e of s.evidence)
      evidence.addRow({
        id: e.id,
        kind: KIND_ZH[e.kind],
        leaves: e.leafKeys.join(' '),
        fileName: e.fileName ?? '',
        sha256: e.sha256,
        takenAt: beijing(e.takenAt),
        place: e.place ?? '',
        exif: beijing(e.exifTakenAt),
        interviewee: e.kind === 'INTERVIEW' ? (e.interviewee ?? '（不公开）') : '',
        summary: e.summary ?? '',
        createdAt: beijing(e.createdAt),
      });

    const survey = wb.addWorksheet('满意度调查');
    survey.columns = [
      { header: '项目', key: 'k', width: 28 },
      { header: '数值', key: 'v', width: 20 },
    ];
    survey.getRow(1).font = { bold: true };
    const v = s.survey;
    for (const [k, val] of [
      ['有效答卷（份）', v.answers],
      ['满意及非常满意（份）', v.satisfied],
      ['满意率（%）', v.ratePercent ?? ''],
      ['社区工作者代答（份）', v.proxied],
      ['最少答卷数（份）', v.minimum],
      ['答卷不足', v.insufficient ? '是' : '否'],
      ['调查状态', v.surveyId === null ? '未开展' : v.status === 'OPEN' ? '进行中' : '已结束'],
    ] as Array<[string, string | number]>)
      survey.addRow({ k, v: val });

    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
