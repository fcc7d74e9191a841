import type { TemplateCatalogue } from '../template';

const TITLE = '老年助餐服务采购合同';
const DUE = '2027-01-10T16:00:00.000Z';

/**
 * The contract's texts (issue #10, 合同): the step on the need's timeline when the contract is signed, and the
 * inbox messages of the signature and publication clocks to the officer, finance and the supplier.
 */
export const CONTRACT_MESSAGES: TemplateCatalogue = {
  'contracts.contract.step.signed': {
    'zh-CN': {
      title: '「{title}」合同已签订',
      body: '合同金额 {amountFen|money}，服务期 {termStart|date} 至 {termEnd|date}。接下来按里程碑提供服务。',
    },
    'en-US': {
      title: 'The contract for “{title}” is signed',
      body: 'Amount {amountFen|money}, term {termStart|date} to {termEnd|date}. The service follows by milestones.',
    },
    example: { title: TITLE, amountFen: '950000', termStart: '2027-01-01', termEnd: '2027-12-31' },
  },
  'contracts.contract.drafted': {
    'zh-CN': {
      title: '合同草稿「{code}」已生成',
      body: '「{title}」的合同草稿已根据中标结果生成，请于 {dueAt|deadline} 前完成签订。',
    },
    'en-US': {
      title: 'Contract draft {code} is ready',
      body: 'The draft contract for “{title}” was made from the award; it must be signed by {dueAt|deadline} (Beijing time).',
    },
    example: { code: 'HT-2026-000001', title: TITLE, dueAt: DUE },
  },
  'contracts.contract.signature_reminder': {
    'zh-CN': {
      title: '合同「{code}」待签订',
      body: '「{title}」的合同须于 {dueAt|deadline} 前由双方签订，尚未完成。',
    },
    'en-US': {
      title: 'Contract {code} awaits signature',
      body: 'The contract for “{title}” must be signed by both parties by {dueAt|deadline} (Beijing time).',
    },
    example: { code: 'HT-2026-000001', title: TITLE, dueAt: DUE },
  },
  'contracts.contract.signature_overdue': {
    'zh-CN': {
      title: '合同「{code}」逾期未签订',
      body: '「{title}」的合同应于 {dueAt|deadline} 前签订（中标通知书发出之日起30日内），现已逾期。',
    },
    'en-US': {
      title: 'Contract {code} is overdue for signature',
      body: 'The contract for “{title}” was due to be signed by {dueAt|deadline} (30 days after the award notice) and is not.',
    },
    example: { code: 'HT-2026-000001', title: TITLE, dueAt: DUE },
  },
  'contracts.contract.signed': {
    'zh-CN': {
      title: '合同「{code}」已签订',
      body: '「{title}」的合同已由双方签订，合同内容已锁定（SHA-256 {sha}）。',
    },
    'en-US': {
      title: 'Contract {code} is signed',
      body: 'Both parties signed the contract for “{title}”; its content is frozen (SHA-256 {sha}).',
    },
    example: { code: 'HT-2026-000001', title: TITLE, sha: 'ab12cd34' },
  },
  'contracts.contract.publication_due': {
    'zh-CN': {
      title: '合同「{code}」须公告',
      body: '「{title}」的合同应于 {dueAt|deadline} 前（签订之日起2个工作日内）公告，尚未公告。',
    },
    'en-US': {
      title: 'Contract {code} must be published',
      body: 'The contract for “{title}” was due to be published by {dueAt|deadline} (2 working days after signing) and is not.',
    },
    example: { code: 'HT-2026-000001', title: TITLE, dueAt: DUE },
  },
  // Why the needs served by a contract move (their timeline shows the reason beside the status change).
  'contracts.contract.need_in_service': {
    'zh-CN': { title: '合同「{code}」已签订，「{title}」开始提供服务' },
    'en-US': { title: 'Contract {code} is signed: the service “{title}” begins' },
    example: { code: 'HT-2026-000001', title: TITLE },
  },
  'contracts.contract.need_delivered': {
    'zh-CN': { title: '合同「{code}」的全部里程碑已验收，「{title}」服务已交付' },
    'en-US': { title: 'Every milestone of contract {code} is accepted: the service “{title}” is delivered' },
    example: { code: 'HT-2026-000001', title: TITLE },
  },
  'contracts.contract.need_returned': {
    'zh-CN': { title: '合同「{code}」已解除，需求退回，将由新的采购项目服务' },
    'en-US': { title: 'Contract {code} was terminated: the need returns to be served by a new procurement project' },
    example: { code: 'HT-2026-000001', title: TITLE },
  },
};
