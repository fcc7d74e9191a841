import type { TemplateCatalogue } from '../template';

const CONTRACT = '山西路社区老年助餐服务';
const CODE = 'PG-2027-000012';
const ORG = '南京市鼓楼区阳光养老服务中心';
const DUE = '2028-01-30T16:00:00.000Z';
const BASE = { code: CODE, contractCode: 'HT-2027-000034', contractTitle: CONTRACT, organisationName: ORG, dueAt: DUE };

/**
 * Evaluation tasks (issue #11 item 2): a final task waiting for an agency (to the officer), an assignment and its
 * withdrawal (to the evaluator), the reminder before the due time and the overdue flag (to the evaluator and the
 * officer), a task cancelled with its contract (to the evaluator).
 */
export const EVALUATION_TASKS_MESSAGES: TemplateCatalogue = {
  'evaluation.tasks.created': {
    'zh-CN': {
      title: '终期评估任务待分派：「{contractTitle}」',
      body: '合同 {contractCode} 的服务期至 {termEnd}，已生成终期评估任务 {code}，应于 {dueAt|deadline} 前完成。请分派评估机构和评估员。',
    },
    'en-US': {
      title: 'Final evaluation to assign: “{contractTitle}”',
      body: 'Contract {contractCode} runs until {termEnd}. Final evaluation task {code} has been created and is due by {dueAt|deadline} (Beijing time). Assign an evaluation agency and an evaluator.',
    },
    example: { ...BASE, termEnd: '2027-12-31' },
  },
  'evaluation.tasks.assigned': {
    'zh-CN': {
      title: '新的评估任务：{code}',
      body: '您被分派评估「{contractTitle}」（被评估机构：{organisationName}；评估机构：{agencyName}），请于 {dueAt|deadline} 前完成并提交。',
    },
    'en-US': {
      title: 'New evaluation task: {code}',
      body: 'You are assigned the evaluation of “{contractTitle}” (evaluated organisation: {organisationName}; agency: {agencyName}). Submit it by {dueAt|deadline} (Beijing time).',
    },
    example: { ...BASE, agencyName: '江苏众评社会组织评估中心' },
  },
  'evaluation.tasks.withdrawn': {
    'zh-CN': {
      title: '评估任务已改派：{code}',
      body: '「{contractTitle}」的评估已改派给其他评估员，您无需继续。',
    },
    'en-US': {
      title: 'Evaluation task reassigned: {code}',
      body: 'The evaluation of “{contractTitle}” has been reassigned to another evaluator; you need not continue.',
    },
    example: { ...BASE, agencyName: '江苏众评社会组织评估中心' },
  },
  'evaluation.tasks.reminder': {
    'zh-CN': {
      title: '评估任务即将到期：{code}',
      body: '「{contractTitle}」的评估应于 {dueAt|deadline} 前提交。',
    },
    'en-US': {
      title: 'Evaluation due soon: {code}',
      body: 'The evaluation of “{contractTitle}” is due by {dueAt|deadline} (Beijing time).',
    },
    example: BASE,
  },
  'evaluation.tasks.unassigned_reminder': {
    'zh-CN': {
      title: '评估任务尚未分派：{code}',
      body: '「{contractTitle}」的评估应于 {dueAt|deadline} 前完成，至今未分派评估机构，请尽快分派。',
    },
    'en-US': {
      title: 'Evaluation task not yet assigned: {code}',
      body: 'The evaluation of “{contractTitle}” is due by {dueAt|deadline} (Beijing time) and has no agency yet: assign one.',
    },
    example: BASE,
  },
  'evaluation.tasks.overdue': {
    'zh-CN': {
      title: '评估任务逾期：{code}',
      body: '「{contractTitle}」（{organisationName}）的评估应于 {dueAt|deadline} 前提交，现已逾期。',
    },
    'en-US': {
      title: 'Evaluation overdue: {code}',
      body: 'The evaluation of “{contractTitle}” ({organisationName}) was due by {dueAt|deadline} (Beijing time) and has not been submitted.',
    },
    example: BASE,
  },
  'evaluation.tasks.cancelled': {
    'zh-CN': {
      title: '评估任务已取消：{code}',
      body: '合同「{contractTitle}」已终止，其评估任务随之取消。',
    },
    'en-US': {
      title: 'Evaluation task cancelled: {code}',
      body: 'The contract “{contractTitle}” was terminated; its evaluation task is cancelled.',
    },
    example: BASE,
  },
};
