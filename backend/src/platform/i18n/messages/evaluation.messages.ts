import type { TemplateCatalogue } from '../template';

const PROJECT = '山西路社区老年助餐服务';
const ORGANISATION = '南京市鼓楼区阳光养老服务中心';
const CLOSES = '2027-01-31T16:00:00.000Z';
const LINK = '/s/3f9c2a7e5b1d4c6f8a0e2b4d6f8a1c3e';

/**
 * 第三方验单 (issue #11): the residents' satisfaction survey. `evaluation.step.*` are steps on the timeline of the
 * project's needs (their raisers and supporters see them, and get them in their inbox through `need.step`);
 * `evaluation.survey.*` go to residents' inboxes directly (the recorded beneficiaries who follow no need).
 * `link` is the survey's page in the app (`/s/<token>`): the inbox and the timeline show it as a button.
 */
export const EVALUATION_MESSAGES: TemplateCatalogue = {
  'evaluation.step.survey_opened': {
    'zh-CN': {
      title: '请为服务打分：「{projectTitle}」满意度调查',
      body: '{organisationName}为您提供的服务正在接受评估，请在 {closesAt|deadline} 前填写满意度调查，您的评价会计入评估结果。',
    },
    'en-US': {
      title: 'Please rate the service: satisfaction survey of “{projectTitle}”',
      body: 'The service {organisationName} provides is being evaluated. Answer the satisfaction survey by {closesAt|deadline} (Beijing time): your rating counts in the result.',
    },
    example: { projectTitle: PROJECT, organisationName: ORGANISATION, closesAt: CLOSES, link: LINK },
  },
  'evaluation.survey.invitation': {
    'zh-CN': {
      title: '请为服务打分：「{projectTitle}」满意度调查',
      body: '社区已将您登记为本项目的服务对象。{organisationName}的服务正在接受评估，请在 {closesAt|deadline} 前填写满意度调查。',
    },
    'en-US': {
      title: 'Please rate the service: satisfaction survey of “{projectTitle}”',
      body: 'Your community recorded you as a beneficiary of this project. The service of {organisationName} is being evaluated: answer the satisfaction survey by {closesAt|deadline} (Beijing time).',
    },
    example: { projectTitle: PROJECT, organisationName: ORGANISATION, closesAt: CLOSES, link: LINK },
  },
};
