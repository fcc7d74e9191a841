import type { TemplateCatalogue } from '../template';

const CONTRACT = '老年助餐服务合同';
const PROJECT = '山西路社区老年助餐服务';
const AT = '2026-12-11T02:30:00.000Z';
const DUE = '2026-12-31';

/**
 * Contract payments (付款申请): the supplier's request, the officer's approval, finance's payment, lateness, and
 * the final tranche after the evaluation. `contracts.payment.step_*` are steps on a need's timeline.
 */
export const PAYMENTS_MESSAGES: TemplateCatalogue = {
  'contracts.payment.step_paid': {
    'zh-CN': {
      title: '项目「{projectTitle}」已支付第 {seq} 期服务费 {amountFen|money}',
      body: '支付日期：{paidAt|date}。',
    },
    'en-US': {
      title: 'Project “{projectTitle}”: instalment {seq} of {amountFen|money} paid',
      body: 'Paid on {paidAt|date}.',
    },
    example: { projectTitle: PROJECT, seq: 1, amountFen: '9300000', paidAt: AT },
  },
  'contracts.payment.step_final_paid': {
    'zh-CN': {
      title: '项目「{projectTitle}」尾款已支付 {amountFen|money}',
      body: (p, f) =>
        `按终期评估得分 ${String(p['score'])} 支付，支付日期：${f.date(p['paidAt'])}。` +
        (p['releasedFen'] && p['releasedFen'] !== '0' ? `核减 ${f.money(p['releasedFen'])}，退回预算指标。` : ''),
    },
    'en-US': {
      title: 'Project “{projectTitle}”: final instalment of {amountFen|money} paid',
      body: (p, f) =>
        `Paid on the final evaluation score of ${String(p['score'])}, on ${f.date(p['paidAt'])}.` +
        (p['releasedFen'] && p['releasedFen'] !== '0'
          ? ` ${f.money(p['releasedFen'])} deducted and returned to the budget line.`
          : ''),
    },
    example: { projectTitle: PROJECT, amountFen: '7905000', releasedFen: '1395000', score: '75.00', paidAt: AT },
  },
  'contracts.payment.step_completed': {
    'zh-CN': { title: '项目「{projectTitle}」合同履行完毕，款项已结清', body: '' },
    'en-US': { title: 'Project “{projectTitle}”: the contract is fulfilled and settled', body: '' },
    example: { projectTitle: PROJECT },
  },
  'contracts.payment.requested': {
    'zh-CN': {
      title: '合同「{contractTitle}」第 {seq} 期付款申请待审核',
      body: '申请金额 {amountFen|money}，应于 {dueDate|date} 前支付。',
    },
    'en-US': {
      title: 'Contract “{contractTitle}”: payment request for instalment {seq} to review',
      body: 'Amount {amountFen|money}, due by {dueDate|date}.',
    },
    example: { contractTitle: CONTRACT, seq: 1, amountFen: '9300000', dueDate: DUE },
  },
  'contracts.payment.approved': {
    'zh-CN': {
      title: '合同「{contractTitle}」第 {seq} 期付款申请已审核同意',
      body: '金额 {amountFen|money}，待财务支付，应于 {dueDate|date} 前支付。',
    },
    'en-US': {
      title: 'Contract “{contractTitle}”: payment request for instalment {seq} approved',
      body: 'Amount {amountFen|money}, to be paid by finance by {dueDate|date}.',
    },
    example: { contractTitle: CONTRACT, seq: 1, amountFen: '9300000', dueDate: DUE },
  },
  'contracts.payment.rejected': {
    'zh-CN': { title: '合同「{contractTitle}」第 {seq} 期付款申请被退回', body: '理由：{reason}' },
    'en-US': {
      title: 'Contract “{contractTitle}”: payment request for instalment {seq} returned',
      body: 'Reason: {reason}',
    },
    example: { contractTitle: CONTRACT, seq: 1, reason: '发票抬头有误' },
  },
  'contracts.payment.paid': {
    'zh-CN': {
      title: '合同「{contractTitle}」第 {seq} 期款项 {amountFen|money} 已支付',
      body: '支付日期：{paidAt|date}。逾期利息：{interestFen|money}。',
    },
    'en-US': {
      title: 'Contract “{contractTitle}”: instalment {seq} of {amountFen|money} paid',
      body: 'Paid on {paidAt|date}. Late-payment interest: {interestFen|money}.',
    },
    example: { contractTitle: CONTRACT, seq: 1, amountFen: '9300000', paidAt: AT, interestFen: '0' },
  },
  'contracts.payment.late': {
    'zh-CN': {
      title: '合同「{contractTitle}」第 {seq} 期款项逾期未付',
      body: '金额 {amountFen|money}，应于 {dueDate|date} 前支付；逾期利息按年利率 {ratePercent}% 逐日计算。',
    },
    'en-US': {
      title: 'Contract “{contractTitle}”: instalment {seq} is overdue',
      body: 'Amount {amountFen|money} was due by {dueDate|date}; late-payment interest accrues daily at {ratePercent}% a year.',
    },
    example: { contractTitle: CONTRACT, seq: 1, amountFen: '9300000', dueDate: DUE, ratePercent: '18.25' },
  },
  'contracts.payment.final_released': {
    'zh-CN': {
      title: '合同「{contractTitle}」尾款已按评估结果转为付款申请',
      body: '评估得分 {score}，应付 {amountFen|money}，核减 {releasedFen|money}。',
    },
    'en-US': {
      title: 'Contract “{contractTitle}”: final instalment requested after the evaluation',
      body: 'Score {score}: {amountFen|money} to pay, {releasedFen|money} deducted.',
    },
    example: { contractTitle: CONTRACT, score: '75', amountFen: '7905000', releasedFen: '1395000' },
  },
  'contracts.payment.final_withheld': {
    'zh-CN': {
      title: '合同「{contractTitle}」尾款不予支付',
      body: '评估得分 {score}，低于 60 分，尾款 {releasedFen|money} 退回预算指标。',
    },
    'en-US': {
      title: 'Contract “{contractTitle}”: final instalment withheld',
      body: 'Score {score} is below 60: the final instalment of {releasedFen|money} goes back to the budget line.',
    },
    example: { contractTitle: CONTRACT, score: '55', releasedFen: '9300000' },
  },
  'contracts.payment.record_withheld': {
    'zh-CN': { title: '合同「{contractTitle}」终期评估不合格（{score} 分），尾款不予支付', body: '' },
    'en-US': {
      title: 'Contract “{contractTitle}”: final evaluation failed ({score}), final instalment withheld',
      body: '',
    },
    example: { contractTitle: CONTRACT, score: '55' },
  },
};
