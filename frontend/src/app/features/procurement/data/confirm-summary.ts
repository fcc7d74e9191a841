import type { SummaryRow } from '../../../shared/confirm-summary.component';
import { formatDeadline } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { ProcKey } from '../i18n/procurement-i18n';
import { formatBytes } from './files';
import type { Criterion, ScoringMethod, TenderMethod } from './procurement.types';

/** Translations the summaries need: a text by key, and a code's name (`method.` + code). */
export interface SummaryTexts {
  t(key: ProcKey, params?: Readonly<Record<string, string | number>>): string;
  code(prefix: string, code: string | null | undefined): string;
}

/** What a call for bids says, as the wizard holds it or as the saved tender has it. */
export interface PublicationView {
  title: string;
  method: TenderMethod;
  maxPrice: string | null;
  /** ISO instant. */
  bidDeadline: string | null;
  minGrade: number | null;
  scoringMethod: ScoringMethod;
  priceWeight: number | null;
  committeeSize: number | null;
  criteria: readonly Pick<Criterion, 'name' | 'maxScore'>[];
}

/** 采购公告 before it is published: everything bidders will rely on, the deadline in Beijing time. */
export function publicationSummary(v: PublicationView, texts: SummaryTexts): SummaryRow[] {
  const scoring =
    v.scoringMethod === 'COMPREHENSIVE'
      ? `${texts.code('scoring.', v.scoringMethod)}（${texts.t('tender.priceWeight')} ${v.priceWeight ?? '—'}%）`
      : texts.code('scoring.', v.scoringMethod);
  const rows: SummaryRow[] = [
    { key: 'title', label: texts.t('tender.title'), value: v.title },
    { key: 'method', label: texts.t('tender.method'), value: texts.code('method.', v.method) },
    { key: 'max-price', label: texts.t('tender.maxPrice'), value: v.maxPrice ? formatMoney(v.maxPrice) : '—' },
    {
      key: 'deadline',
      label: texts.t('tender.bidDeadline'),
      value: v.bidDeadline ? formatDeadline(v.bidDeadline) : '—',
    },
    {
      key: 'min-grade',
      label: texts.t('tender.minGrade'),
      value: v.minGrade ? `${v.minGrade}A` : texts.t('tender.noMinGrade'),
    },
    { key: 'scoring', label: texts.t('tender.scoring'), value: scoring },
  ];
  if (v.scoringMethod === 'COMPREHENSIVE' && v.criteria.length > 0)
    rows.push({
      key: 'criteria',
      label: texts.t('confirm.criteria'),
      value: v.criteria.map((c) => `${c.name} ${c.maxScore}`).join('；'),
    });
  rows.push({ key: 'committee', label: texts.t('tender.committeeSize'), value: String(v.committeeSize ?? '—') });
  return rows;
}

/** 中标公告 before it is published: who wins, at what price and score. */
export function awardSummary(
  winner: { organisationName: string; price: string; totalScore: string | null; rank: number | null },
  texts: SummaryTexts,
): SummaryRow[] {
  return [
    { key: 'winner', label: texts.t('tender.winner'), value: winner.organisationName },
    { key: 'price', label: texts.t('confirm.price'), value: formatMoney(winner.price) },
    { key: 'score', label: texts.t('confirm.score'), value: winner.totalScore ?? '—' },
    { key: 'rank', label: texts.t('confirm.rank'), value: winner.rank === null ? '—' : String(winner.rank) },
  ];
}

/** A bid before it is sealed: the price in words of money, each technical answer's length, the files. */
export function sealSummary(
  bid: {
    tenderTitle: string;
    price: string;
    /** ISO instant. */
    deadline: string;
    answered: number;
    criteria: number;
    files: readonly { fileName: string; size: number }[];
    replacing: boolean;
  },
  texts: SummaryTexts,
): SummaryRow[] {
  return [
    { key: 'tender', label: texts.t('confirm.tender'), value: bid.tenderTitle },
    { key: 'price', label: texts.t('bid.price'), value: formatMoney(bid.price) },
    {
      key: 'technical',
      label: texts.t('confirm.technical'),
      value: texts.t('confirm.technicalCount', { answered: bid.answered, criteria: bid.criteria }),
    },
    {
      key: 'files',
      label: texts.t('bid.documents'),
      value:
        bid.files.length === 0
          ? texts.t(bid.replacing ? 'confirm.noFilesReplacing' : 'confirm.noFiles')
          : bid.files.map((f) => `${f.fileName}（${formatBytes(f.size)}）`).join('；'),
    },
    { key: 'deadline', label: texts.t('tender.bidDeadline'), value: formatDeadline(bid.deadline) },
  ];
}
