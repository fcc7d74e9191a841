import type { TemplateCatalogue } from '../template';

const CONTRACT = '鼓楼区老年助餐服务合同';
const CODE = 'HT-2026-000012';

const KIND_ZH: Record<string, string> = {
  AGREEMENT: '协商一致终止',
  BREACH: '因违约终止',
  NOT_SIGNED: '中标人未签订合同',
};
const KIND_EN: Record<string, string> = {
  AGREEMENT: 'terminated by agreement',
  BREACH: 'terminated for breach',
  NOT_SIGNED: 'ended: the winner did not sign',
};

/**
 * Change orders (补充合同) and termination of contracts: the inbox of finance, the proposing officer and the supplier,
 * the supplier's performance record, and the steps on the timeline of the residents whose need the project serves.
 */
export const CONTRACT_CHANGES_MESSAGES: TemplateCatalogue = {
  'contracts.changes.proposed': {
    'zh-CN': {
      title: '合同「{contractTitle}」有补充合同待审批',
      body: '合同 {contractCode} 拟追加 {amountFen|money}，请在“补充合同审批”中审核。',
    },
    'en-US': {
      title: 'A change order to “{contractTitle}” awaits approval',
      body: 'Contract {contractCode}: {amountFen|money} more is proposed. Please decide it in “Change orders to approve”.',
    },
    example: { contractTitle: CONTRACT, contractCode: CODE, amountFen: '3100000' },
  },
  'contracts.changes.approved': {
    'zh-CN': {
      title: '合同「{contractTitle}」补充合同已批准',
      body: '合同 {contractCode} 追加 {amountFen|money}，新增里程碑「{milestoneTitle}」，到期日 {dueDate|date}。',
    },
    'en-US': {
      title: 'Change order to “{contractTitle}” approved',
      body: 'Contract {contractCode}: {amountFen|money} added, with a new milestone “{milestoneTitle}” due {dueDate|date}.',
    },
    example: {
      contractTitle: CONTRACT,
      contractCode: CODE,
      amountFen: '3100000',
      milestoneTitle: '周末送餐服务',
      dueDate: '2027-06-30',
    },
  },
  'contracts.changes.rejected': {
    'zh-CN': {
      title: '合同「{contractTitle}」补充合同未获批准',
      body: '拟追加的 {amountFen|money} 未获批准。理由：{reason}',
    },
    'en-US': {
      title: 'Change order to “{contractTitle}” not approved',
      body: 'The {amountFen|money} proposed for contract {contractCode} was not approved. Reason: {reason}',
    },
    example: { contractTitle: CONTRACT, contractCode: CODE, amountFen: '3100000', reason: '预算指标余额不足' },
  },
  'contracts.changes.terminated': {
    'zh-CN': {
      title: (p) => `合同「${String(p['contractTitle'])}」${KIND_ZH[String(p['kind'])] ?? '已终止'}`,
      body: '合同编号 {contractCode}。理由：{reason}',
    },
    'en-US': {
      title: (p) => `Contract “${String(p['contractTitle'])}” ${KIND_EN[String(p['kind'])] ?? 'terminated'}`,
      body: 'Contract {contractCode}. Reason: {reason}',
    },
    example: { contractTitle: CONTRACT, contractCode: CODE, kind: 'BREACH', reason: '连续两个月未按约提供服务' },
  },
  'contracts.changes.record_breach': {
    'zh-CN': { title: '合同「{contractTitle}」（{contractCode}）因违约被终止：{reason}' },
    'en-US': { title: 'Contract “{contractTitle}” ({contractCode}) terminated for breach: {reason}' },
    example: { contractTitle: CONTRACT, contractCode: CODE, reason: '连续两个月未按约提供服务' },
  },
  'contracts.changes.step_terminated': {
    'zh-CN': {
      title: '服务合同「{contractTitle}」已终止',
      body: '该项目的服务合同已终止，项目随之取消。您的需求可在下一轮征集中重新提出。',
    },
    'en-US': {
      title: 'Service contract “{contractTitle}” terminated',
      body: 'The contract for this project was terminated and the project is cancelled. Your need may be raised again in the next call for needs.',
    },
    example: { contractTitle: CONTRACT },
  },
  'contracts.changes.step_not_signed': {
    'zh-CN': {
      title: '中标人未签订合同「{contractTitle}」',
      body: '该项目将重新采购，预算继续为其预留，您的需求仍在采购中。',
    },
    'en-US': {
      title: 'The winner did not sign “{contractTitle}”',
      body: 'The project will be procured again; its budget stays reserved and your need stays in procurement.',
    },
    example: { contractTitle: CONTRACT },
  },
};
