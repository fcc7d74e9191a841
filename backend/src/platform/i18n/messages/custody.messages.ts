import type { Formats, MessageParams, TemplateCatalogue } from '../template';

const TENDER = '老年助餐服务采购';
const DUE = '2026-12-18T16:00:00.000Z';

/** 投标保证金 / 履约保证金 in the reader's language, from the `kind` parameter. */
const zhKind = (p: MessageParams) => (p.kind === 'PERFORMANCE_BOND' ? '履约保证金' : '投标保证金');
const enKind = (p: MessageParams) => (p.kind === 'PERFORMANCE_BOND' ? 'performance bond' : 'bid deposit');

/**
 * Money held for others (bid deposits and performance bonds): messages to the organisation that paid it and to the
 * finance officers of the purchaser's region. Amounts are fen, instants ISO strings, reasons as typed.
 */
export const CUSTODY_MESSAGES: TemplateCatalogue = {
  'custody.received': {
    'zh-CN': {
      title: (p) => `${zhKind(p)}已登记：「${String(p.tenderTitle)}」`,
      body: (p, f: Formats) => `登记金额 ${f.money(p.amountFen)}，由采购人代为保管，按规定退还。`,
    },
    'en-US': {
      title: (p) => `${enKind(p)[0].toUpperCase()}${enKind(p).slice(1)} recorded: “${String(p.tenderTitle)}”`,
      body: (p, f: Formats) =>
        `${f.money(p.amountFen)} is held for your organisation and will be returned by the rules.`,
    },
    example: { kind: 'BID_DEPOSIT', tenderTitle: TENDER, amountFen: '200000' },
  },
  'custody.return_scheduled': {
    'zh-CN': {
      title: (p) => `${zhKind(p)}将予退还：「${String(p.tenderTitle)}」`,
      body: (p, f: Formats) => `${f.money(p.amountFen)} 应于 ${f.deadline(p.dueAt)} 前退还；逾期退还按规定计付利息。`,
    },
    'en-US': {
      title: (p) => `Your ${enKind(p)} will be returned: “${String(p.tenderTitle)}”`,
      body: (p, f: Formats) =>
        `${f.money(p.amountFen)} is due back by ${f.deadline(p.dueAt)} (Beijing time); a late return earns interest.`,
    },
    example: { kind: 'BID_DEPOSIT', tenderTitle: TENDER, amountFen: '200000', dueAt: DUE },
  },
  'custody.return_due': {
    'zh-CN': {
      title: (p) => `${zhKind(p)}逾期未退：「${String(p.tenderTitle)}」`,
      body: (p, f: Formats) =>
        `${f.money(p.amountFen)} 应于 ${f.deadline(p.dueAt)} 前退还，现已逾期，自次日起按年利率 ${String(p.ratePercent)}% 计息。请财务人员尽快办理退还。`,
    },
    'en-US': {
      title: (p) => `Overdue ${enKind(p)} return: “${String(p.tenderTitle)}”`,
      body: (p, f: Formats) =>
        `${f.money(p.amountFen)} was due back by ${f.deadline(p.dueAt)} (Beijing time); interest at ${String(p.ratePercent)} % a year accrues from the next day. Finance: please return it now.`,
    },
    example: { kind: 'BID_DEPOSIT', tenderTitle: TENDER, amountFen: '200000', dueAt: DUE, ratePercent: '3.65' },
  },
  'custody.returned': {
    'zh-CN': {
      title: (p) => `${zhKind(p)}已退还：「${String(p.tenderTitle)}」`,
      body: (p, f: Formats) =>
        BigInt(String(p.interestFen)) > 0n
          ? `已退还 ${f.money(p.amountFen)}，另付逾期利息 ${f.money(p.interestFen)}（逾期 ${String(p.daysLate)} 天）。`
          : `已退还 ${f.money(p.amountFen)}。`,
    },
    'en-US': {
      title: (p) => `Your ${enKind(p)} was returned: “${String(p.tenderTitle)}”`,
      body: (p, f: Formats) =>
        BigInt(String(p.interestFen)) > 0n
          ? `${f.money(p.amountFen)} returned, with ${f.money(p.interestFen)} interest for ${String(p.daysLate)} day(s) late.`
          : `${f.money(p.amountFen)} returned.`,
    },
    example: { kind: 'BID_DEPOSIT', tenderTitle: TENDER, amountFen: '200000', interestFen: '60', daysLate: 3 },
  },
  'custody.forfeitable': {
    'zh-CN': {
      title: (p) => `合同因违约解除，履约保证金待处理：「${String(p.tenderTitle)}」`,
      body: (p, f: Formats) => `履约保证金 ${f.money(p.amountFen)}：请财务人员决定没收（须写明理由）或退还。`,
    },
    'en-US': {
      title: (p) => `Contract terminated for breach: decide on the bond of “${String(p.tenderTitle)}”`,
      body: (p, f: Formats) => `Performance bond of ${f.money(p.amountFen)}: forfeit it (with a reason) or release it.`,
    },
    example: { tenderTitle: TENDER, amountFen: '3100000' },
  },
  'custody.forfeited': {
    'zh-CN': {
      title: (p) => `履约保证金已没收：「${String(p.tenderTitle)}」`,
      body: (p, f: Formats) => `因违约解除合同，履约保证金 ${f.money(p.amountFen)} 不予退还。理由：${String(p.reason)}`,
    },
    'en-US': {
      title: (p) => `Performance bond forfeited: “${String(p.tenderTitle)}”`,
      body: (p, f: Formats) =>
        `The contract was terminated for breach; the bond of ${f.money(p.amountFen)} is kept. Reason: ${String(p.reason)}`,
    },
    example: { tenderTitle: TENDER, amountFen: '3100000', reason: '未按合同提供服务，经催告仍未改正' },
  },
};
