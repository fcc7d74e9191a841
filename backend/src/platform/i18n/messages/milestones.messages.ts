import type { TemplateCatalogue } from '../template';

const CONTRACT = '山西路社区老年助餐服务合同';
const MILESTONE = '第一阶段服务';
const DUE = '2027-03-31T16:00:00.000Z';

/**
 * Milestones and progress reports of a contract (issue #10 items 2, 4, 7). `milestones.step.*` are the steps a
 * need's raiser and supporters see on its timeline; `milestones.record.*` lines of the organisation's record; the
 * others go to the supplier's members and the contract's officers.
 */
export const MILESTONES_MESSAGES: TemplateCatalogue = {
  'milestones.step.accepted': {
    'zh-CN': { title: '「{contractTitle}」第 {seq} 个里程碑已验收', body: '里程碑「{milestoneTitle}」通过验收。' },
    'en-US': {
      title: 'Milestone {seq} of “{contractTitle}” accepted',
      body: 'The milestone “{milestoneTitle}” passed acceptance.',
    },
    example: { contractTitle: CONTRACT, seq: 1, milestoneTitle: MILESTONE },
  },
  'milestones.step.overdue': {
    'zh-CN': {
      title: '「{contractTitle}」第 {seq} 个里程碑已逾期',
      body: '里程碑「{milestoneTitle}」应于 {dueAt|deadline} 前完成，服务机构尚未提交进度报告。',
    },
    'en-US': {
      title: 'Milestone {seq} of “{contractTitle}” is overdue',
      body: 'The milestone “{milestoneTitle}” was due by {dueAt|deadline} (Beijing time); no progress report has been submitted.',
    },
    example: { contractTitle: CONTRACT, seq: 1, milestoneTitle: MILESTONE, dueAt: DUE },
  },
  'milestones.reminder': {
    'zh-CN': {
      title: '里程碑即将到期：「{contractTitle}」第 {seq} 个里程碑',
      body: '请于 {dueAt|deadline} 前提交「{milestoneTitle}」的进度报告。',
    },
    'en-US': {
      title: 'Milestone due soon: milestone {seq} of “{contractTitle}”',
      body: 'Submit the progress report of “{milestoneTitle}” by {dueAt|deadline} (Beijing time).',
    },
    example: { contractTitle: CONTRACT, seq: 1, milestoneTitle: MILESTONE, dueAt: DUE },
  },
  'milestones.overdue': {
    'zh-CN': {
      title: '里程碑逾期：「{contractTitle}」第 {seq} 个里程碑',
      body: '「{milestoneTitle}」应于 {dueAt|deadline} 前提交进度报告，现已逾期，已记入服务机构履约记录。',
    },
    'en-US': {
      title: 'Milestone overdue: milestone {seq} of “{contractTitle}”',
      body: 'The progress report of “{milestoneTitle}” was due by {dueAt|deadline} (Beijing time). The late delivery is on the organisation’s record.',
    },
    example: { contractTitle: CONTRACT, seq: 1, milestoneTitle: MILESTONE, dueAt: DUE },
  },
  'milestones.report.submitted': {
    'zh-CN': {
      title: '进度报告待验收：「{contractTitle}」第 {seq} 个里程碑',
      body: '服务机构提交了「{milestoneTitle}」的进度报告（第 {version} 版），请验收或退回。',
    },
    'en-US': {
      title: 'Progress report to accept: milestone {seq} of “{contractTitle}”',
      body: 'The organisation submitted version {version} of the progress report of “{milestoneTitle}”: accept it or return it.',
    },
    example: { contractTitle: CONTRACT, seq: 1, milestoneTitle: MILESTONE, version: 1 },
  },
  'milestones.report.accepted': {
    'zh-CN': {
      title: '进度报告已验收：「{contractTitle}」第 {seq} 个里程碑',
      body: '「{milestoneTitle}」通过验收，可申请支付本期款项。',
    },
    'en-US': {
      title: 'Progress report accepted: milestone {seq} of “{contractTitle}”',
      body: '“{milestoneTitle}” passed acceptance; its tranche may now be requested.',
    },
    example: { contractTitle: CONTRACT, seq: 1, milestoneTitle: MILESTONE },
  },
  'milestones.report.returned': {
    'zh-CN': {
      title: '进度报告被退回：「{contractTitle}」第 {seq} 个里程碑',
      body: '「{milestoneTitle}」的进度报告被退回，原因：{reason}。请修改后重新提交。',
    },
    'en-US': {
      title: 'Progress report returned: milestone {seq} of “{contractTitle}”',
      body: 'The progress report of “{milestoneTitle}” was returned. Reason: {reason}. Correct it and submit it again.',
    },
    example: { contractTitle: CONTRACT, seq: 1, milestoneTitle: MILESTONE, reason: '照片不足' },
  },
  'milestones.record.late_delivery': {
    'zh-CN': { title: '合同「{contractTitle}」第 {seq} 个里程碑逾期（应于 {dueAt|deadline} 前完成）' },
    'en-US': { title: 'Milestone {seq} of contract “{contractTitle}” late (due by {dueAt|deadline}, Beijing time)' },
    example: { contractTitle: CONTRACT, seq: 1, dueAt: DUE },
  },
};
