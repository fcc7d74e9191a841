import type { MessageParams, TemplateCatalogue } from '../template';

const CODE = 'PG-2026-000012';
const PROJECT = '山西路社区老年助餐服务';
const ORGANISATION = '南京市鼓楼区阳光养老服务中心';
const DUE = '2026-12-18T16:00:00.000Z';

const GRADE_ZH: Readonly<Record<string, string>> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
const GRADE_EN: Readonly<Record<string, string>> = {
  EXCELLENT: 'Excellent',
  GOOD: 'Good',
  PASS: 'Pass',
  FAIL: 'Fail',
};
const zh = (p: MessageParams) => GRADE_ZH[String(p['grade'])] ?? String(p['grade'] ?? '');
const en = (p: MessageParams) => GRADE_EN[String(p['grade'])] ?? String(p['grade'] ?? '');

/**
 * Review, objection and publication of an evaluation result (issue #11 item 5): the inbox messages to the evaluated
 * organisation, the evaluator and the officers, the steps on the timeline of the project's needs, and the reasons of
 * their status changes. Grades are codes (EXCELLENT…), scores as shown ("84.16"), deadlines instants (Beijing time
 * when read).
 */
export const EVALUATION_RESULTS_MESSAGES: TemplateCatalogue = {
  'evaluation.result.confirmed': {
    'zh-CN': {
      title: (p) => `评估结果已确认：「${String(p['projectTitle'])}」${String(p['score'])} 分，${zh(p)}`,
      body: '评估编号 {code}。如对结果有异议，请在 {objectionDueAt|deadline}（北京时间）前在「我的评估结果」中提出；逾期未提出或异议处理完毕后结果将公布。',
    },
    'en-US': {
      title: (p) => `Evaluation result confirmed: “${String(p['projectTitle'])}” ${String(p['score'])}, ${en(p)}`,
      body: 'Evaluation {code}. To object to the result, do so under “My evaluation results” by {objectionDueAt|deadline} (Beijing time); the result is published after that, or once objections are decided.',
    },
    example: { code: CODE, projectTitle: PROJECT, score: '84.16', grade: 'GOOD', objectionDueAt: DUE },
  },
  'evaluation.result.task_confirmed': {
    'zh-CN': {
      title: '评估 {code} 已确认',
      body: '采购专员已确认「{projectTitle}」的评估结果，异议期至 {objectionDueAt|deadline}。',
    },
    'en-US': {
      title: 'Evaluation {code} confirmed',
      body: 'The officer confirmed the evaluation of “{projectTitle}”; objections may be filed until {objectionDueAt|deadline}.',
    },
    example: { code: CODE, projectTitle: PROJECT, objectionDueAt: DUE },
  },
  'evaluation.result.returned': {
    'zh-CN': { title: '评估 {code} 被退回修改', body: '「{projectTitle}」的评估结果被采购专员退回，意见：{comment}' },
    'en-US': {
      title: 'Evaluation {code} returned',
      body: 'The officer returned the evaluation of “{projectTitle}”: {comment}',
    },
    example: { code: CODE, projectTitle: PROJECT, comment: '服务对象覆盖率的证据不足，请补充走访记录。' },
  },
  'evaluation.result.objection_filed': {
    'zh-CN': {
      title: '{organisation}对评估 {code} 提出异议',
      body: '「{projectTitle}」的评估结果收到异议，请在「评估异议」中处理。异议理由：{reasons}',
    },
    'en-US': {
      title: '{organisation} objects to evaluation {code}',
      body: 'The evaluation result of “{projectTitle}” received an objection: decide it under “Evaluation objections”. Reasons: {reasons}',
    },
    example: { organisation: ORGANISATION, code: CODE, projectTitle: PROJECT, reasons: '满意度调查样本不足。' },
  },
  'evaluation.result.objection_upheld': {
    'zh-CN': { title: '对评估 {code} 的异议成立', body: '评估已退回评估机构重新评估。答复：{answer}' },
    'en-US': {
      title: 'Your objection to evaluation {code} is upheld',
      body: 'The evaluation goes back to the agency to be redone. Answer: {answer}',
    },
    example: { code: CODE, answer: '核实后满意度样本确有不足，退回重新评估。' },
  },
  'evaluation.result.returned_by_objection': {
    'zh-CN': {
      title: '评估 {code} 因异议成立被退回',
      body: '{organisation}对「{projectTitle}」的评估结果提出的异议成立，请重新评估。异议：{reasons}。采购专员意见：{answer}',
    },
    'en-US': {
      title: 'Evaluation {code} returned after an objection',
      body: 'The objection of {organisation} to the evaluation of “{projectTitle}” is upheld: please evaluate again. Objection: {reasons}. Officer: {answer}',
    },
    example: {
      code: CODE,
      organisation: ORGANISATION,
      projectTitle: PROJECT,
      reasons: '满意度调查样本不足。',
      answer: '请补充样本后重新评分。',
    },
  },
  'evaluation.result.objection_dismissed': {
    'zh-CN': { title: '对评估 {code} 的异议不成立', body: '评估结果维持不变。理由：{answer}' },
    'en-US': {
      title: 'Your objection to evaluation {code} is dismissed',
      body: 'The result stands. Reasons: {answer}',
    },
    example: { code: CODE, answer: '样本量符合要求，评分依据充分。' },
  },
  'evaluation.result.published': {
    'zh-CN': {
      title: (p) => `评估结果已公布：「${String(p['projectTitle'])}」${String(p['score'])} 分，${zh(p)}`,
      body: (p) =>
        `评估编号 ${String(p['code'])}，已记入机构履约记录。` +
        (p['barredUntil']
          ? `因评估不合格，${String(p['barredUntil'])} 前（含当日）不得在${String(p['barRegion'] ?? '')}参与投标。`
          : ''),
    },
    'en-US': {
      title: (p) => `Evaluation result published: “${String(p['projectTitle'])}” ${String(p['score'])}, ${en(p)}`,
      body: (p) =>
        `Evaluation ${String(p['code'])} is on your organisation’s record.` +
        (p['barredUntil']
          ? ` As it failed, your organisation may not bid in ${String(p['barRegion'] ?? '')} until ${String(p['barredUntil'])} (inclusive).`
          : ''),
    },
    example: {
      code: CODE,
      projectTitle: PROJECT,
      score: '55.00',
      grade: 'FAIL',
      barredUntil: '2027-12-11',
      barRegion: '鼓楼区',
    },
  },
  // a step on the timeline of the project's needs (NeedProgress), seen by their raisers and supporters
  'evaluation.result.step_published': {
    'zh-CN': {
      title: (p) => `项目「${String(p['projectTitle'])}」评估结果公布：${zh(p)}（${String(p['score'])} 分）`,
      body: (p) =>
        p['kind'] === 'MID_TERM'
          ? '中期评估，由第三方评估机构完成，结合了居民满意度调查。'
          : '终期评估，由第三方评估机构完成，结合了居民满意度调查；尾款按评估结果支付。',
    },
    'en-US': {
      title: (p) => `Project “${String(p['projectTitle'])}”: evaluation published, ${en(p)} (${String(p['score'])})`,
      body: (p) =>
        p['kind'] === 'MID_TERM'
          ? 'Mid-term evaluation by a third-party agency, including the residents’ satisfaction survey.'
          : 'Final evaluation by a third-party agency, including the residents’ satisfaction survey; the final instalment is paid by the result.',
    },
    example: { projectTitle: PROJECT, score: '84.16', grade: 'GOOD', kind: 'FINAL' },
  },
  // reasons of the needs' status changes when their project is evaluated
  'evaluation.result.why_delivered': {
    'zh-CN': { title: '项目「{projectTitle}」服务已完成' },
    'en-US': { title: 'Project “{projectTitle}”: the service is complete' },
    example: { projectTitle: PROJECT },
  },
  'evaluation.result.why_evaluated': {
    'zh-CN': { title: (p) => `项目「${String(p['projectTitle'])}」评估结果：${zh(p)}（${String(p['score'])} 分）` },
    'en-US': {
      title: (p) => `Project “${String(p['projectTitle'])}”: evaluated ${en(p)} (${String(p['score'])})`,
    },
    example: { projectTitle: PROJECT, score: '84.16', grade: 'GOOD' },
  },
};
