import type { MessageParams, TemplateCatalogue } from '../template';

const GRADE: Record<'zh-CN' | 'en-US', Record<string, string>> = {
  'zh-CN': { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' },
  'en-US': { EXCELLENT: 'Excellent', GOOD: 'Good', PASS: 'Pass', FAIL: 'Fail' },
};
const grade = (locale: 'zh-CN' | 'en-US') => (p: MessageParams) => GRADE[locale][String(p.grade)] ?? String(p.grade);

/**
 * Scoring an evaluation task (issue #11 item 3): the evaluator's submission, told to the procurement officers of the
 * task's region. The grade is a code (EXCELLENT, GOOD, PASS, FAIL) written in the reader's language.
 */
export const EVALUATION_SCORING_MESSAGES: TemplateCatalogue = {
  'evaluation.scoring.submitted': {
    'zh-CN': {
      title: '评估结果待确认：「{contractTitle}」',
      body: (p, f) =>
        `评估员提交了评估任务 ${String(p.taskCode)} 的结果：总分 ${String(p.totalScore)} 分，等级「${grade('zh-CN')(p)}」，` +
        `提交于 ${f.instant(p.submittedAt)}。请确认或退回。`,
    },
    'en-US': {
      title: 'Evaluation result to confirm: “{contractTitle}”',
      body: (p, f) =>
        `The evaluator submitted the result of task ${String(p.taskCode)}: ${String(p.totalScore)} points, ` +
        `grade “${grade('en-US')(p)}”, on ${f.instant(p.submittedAt)} (Beijing time). Confirm it or return it.`,
    },
    example: {
      contractTitle: '山西路社区老年助餐服务合同',
      taskCode: 'PG-2026-000012',
      totalScore: '84.16',
      grade: 'GOOD',
      submittedAt: '2026-11-20T02:30:00.000Z',
    },
  },
};
