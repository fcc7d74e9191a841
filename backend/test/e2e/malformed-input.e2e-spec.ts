import { gzipSync } from 'node:zlib';
import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'supertest';

import { BODY_LIMITS } from '../../src/bootstrap';
import { BOARD_BASE } from '../../src/modules/operations';
import { creditCodeCheckChar } from '../../src/modules/organisations/domain/credit-code';
import { IS_PUBLIC, Permission, REQUIRED_PERMISSION, Role, ROLE_PERMISSIONS } from '../../src/platform/access';
import { isCalendarDate, isInstant } from '../../src/platform/http/dates';
import { createValidationPipe, RequestValidationError } from '../../src/platform/http/validation';
import { CONTRACT_BODY } from '../access/route-access';
import { contractFixture } from '../factories/contracts-changes.factory';
import { liveContract, PHOTO_PNG, reportBody } from '../factories/contracts-milestones.factory';
import { contractWithMilestones } from '../factories/contracts-payments.factory';
import { heldCustodyAccount } from '../factories/custody.factory';
import { submittedFinalTask } from '../factories/evaluation-results.factory';
import { assignedFinalTask, insertTemplate, ORACLE_TREE } from '../factories/evaluation.factory';
import { GradingFixtures, gradingFixtures } from '../factories/grading.factory';
import { categoryIdOfItem, MEAL_ATTRIBUTES, publishedVersionId } from '../factories/needs.factory';
import { failedDelivery } from '../factories/notifications.factory';
import {
  activeLineId,
  approvedNeed,
  approvedProject,
  bidBody,
  mealItemId,
  PLAN,
  publishedTender,
  tenderBody,
} from '../factories/procurement.factory';
import {
  awardedTender,
  draftTender,
  drawnTender,
  openedTender,
  recommendedTender,
} from '../factories/tender-stages.factory';
import { createTestApp, login, regionId, TestApp, userId } from '../support/test-app';

const MILESTONE_PHOTO = PHOTO_PNG.toString('base64');

/**
 * Issue #9 B2. Every POST/PUT/PATCH/DELETE route the app registers receives a corpus of malformed requests, sent by a
 * user allowed to call it, with its path parameters bound to real records in that user's scope — so a body that
 * slipped through would really change something. Every answer must be a 4xx problem (application/problem+json,
 * never 5xx), no table of the schema may change, and the audit chain must still verify at the end.
 *
 * The routes come from Nest's metadata (cross-checked with the express router), the caller from the route's
 * `@RequirePermission` and ROLE_PERMISSIONS, and each body from the route's DTO as the OpenAPI document describes it.
 *
 * A NEW ROUTE needs, at most, one line in BINDINGS below: a real record for each path parameter (the test fails and
 * says so otherwise), and a body override when its DTO's examples do not make a valid body (the test checks every
 * base body against the route's own validation and says which field is wrong). Bind records this test creates in
 * `fixtures()`, not demo data other tests read: a lenient probe (`null` for an optional field) may be accepted.
 */

// ---------------------------------------------------------------------------------------------------------------
// The callers: demo users, tried in this order for a route's permission (the first that holds it calls the route).
const CALLERS: ReadonlyArray<readonly [string, Role]> = [
  ['resident', 'RESIDENT'],
  ['worker', 'COMMUNITY_WORKER'],
  ['officer', 'PROCUREMENT_OFFICER'],
  ['finance', 'FINANCE_OFFICER'],
  ['orgmember', 'ORG_MEMBER'],
  ['expert', 'EXPERT'],
  ['evaluator', 'EVALUATOR'],
  ['auditor', 'AUDITOR'],
  ['admin', 'ADMIN'],
];

interface Fixtures {
  year: number;
  /** An instant `days` from now. */
  later: (days: number) => string;
  publishedVersion: number;
  community: number;
  gulou: number;
  userId: number;
  unverifiedResident: number;
  calendarDate: string;
  /** Records this test created itself: what a lenient probe may change (see the corpus test). */
  pendingOrg: number;
  activeOrg: number;
  /** A certificate of activeOrg and a grade proposal waiting for the officer's decision. */
  activeOrgCertificate: number;
  gradeProposal: number;
  street: number;
  draftVersion: number;
  draftCategory: number;
  draftItem: number;
  notification: number;
  /** A FAILED e-mail delivery (to the demo resident) that only a valid retry would put back. */
  failedDelivery: string;
  campaign: number;
  draftCampaign: number;
  mealCategory: number;
  submittedNeed: number;
  acceptedNeed: number;
  approvedNeed: number;
  transfer: number;
  pendingLine: number;
  activeLine: number;
  pendingAdjustment: number;
  entry: number;
  mealItem: number;
  draftProject: number;
  submittedProject: number;
  projectForTender: number;
  draftTender: { tenderId: number; projectId: number };
  published: number;
  question: number;
  opened: { id: number; bidIds: Record<string, string> };
  drawn: { id: number; bidIds: Record<string, string>; experts: string[] };
  recommended: { id: number; bidIds: Record<string, string> };
  awarded: { id: number; bidIds: Record<string, string> };
  objection: number;
  /** A signed contract (change orders, termination) and a change order of it waiting for finance. */
  changeContract: number;
  terminableContract: number;
  changeOrder: number;
  /** A live contract of orgmember's organisation (鼓楼区), its milestones and a photo of the first. */
  contract: { id: number; milestones: number[]; photo: number };
  /** Payments: a contract with an accepted milestone without a request, a request, an approved request. */
  payments: { contract: number; milestone: number; request: number; approved: number };
  /** A returnable bid deposit and a forfeitable bond of this test's awarded tender (custody routes). */
  custodyDeposit: number;
  custodyBond: number;
  /** A DRAFT contract of 鼓楼 with 阳光养老 (orgmember, a signatory) and orgmember's id. */
  draftContract: number;
  orgmember: number;
  /** 指标体系: a DRAFT template and an ACTIVE one. */
  templates: { draft: number; active: number };
  /** Evaluation (issue #11): a live contract without a final task, an OPEN task, an agency and its evaluator. */
  evaluation: { contract: number; task: number; agency: number; evaluator: number };
  /** 验单 scoring (issue #11): a FINAL task ASSIGNED to the demo evaluator (its own contract) and a document of it. */
  scoring: { task: number; evidence: number };
  /** 满意度调查: projects of live contracts without a survey (one each for the officer and the worker to open), one
   * with an open survey (its token; its need raised by `resident`) and a recorded beneficiary of it. */
  survey: { unopened: number; unopenedForWorker: number; project: number; token: string; beneficiary: number };
  /** Evaluation results of 阳光养老 in 鼓楼: one SUBMITTED, one CONFIRMED with an objection FILED. */
  results: { submitted: number; confirmed: number; objection: number };
  /** 等级评估: an organisation of this test with an assessment IN_PROGRESS, and another's SUBMITTED by officer. */
  grading: GradingFixtures;
}

interface Binding {
  /** A real record for each path parameter, in the caller's scope. */
  params?: Record<string, string | number>;
  /** Another caller than the first demo user holding the permission (a username). */
  as?: string;
  /** Fields that make the route's base body valid (merged over what the DTO's examples give). */
  body?: Record<string, unknown>;
}

const projectBody = (f: Fixtures) => ({
  title: '山西路社区老年助餐服务',
  regionId: f.community,
  catalogueItemId: f.mealItem,
  needIds: [f.approvedNeed],
  quantity: 800,
  unitPrice: '12.50',
  budgetLineId: f.activeLine,
  plan: PLAN,
});

/** One line per route that has path parameters or needs body fields its DTO examples cannot give. */
const BINDINGS: Record<string, (f: Fixtures) => Binding> = {
  'POST /api/v1/auth/register': (f) => ({
    body: { phone: '13900001234', password: 'Diandan@2026', displayName: '李阿姨', communityId: f.community },
  }),
  'POST /api/v1/auth/refresh': () => ({ body: { refreshToken: 'r'.repeat(43) } }),
  'POST /api/v1/auth/logout': () => ({ body: { refreshToken: 'r'.repeat(43) } }),
  'POST /api/v1/organisations/register': (f) => ({
    body: { regionId: f.gulou, creditCode: creditCode('MJ6000001'), username: 'malformed_org' },
  }),
  'POST /api/v1/users': (f) => ({ body: { username: 'malformed_new', regionId: f.community, roles: ['RESIDENT'] } }),
  'PATCH /api/v1/users/:id': (f) => ({
    params: { id: f.userId },
    body: { phone: '13800000001', regionId: f.community, organisationId: undefined },
  }),
  'POST /api/v1/users/:id/disable': (f) => ({ params: { id: f.userId } }),
  'POST /api/v1/users/:id/reset-password': (f) => ({ params: { id: f.userId } }),
  'POST /api/v1/users/:id/unlock': (f) => ({ params: { id: f.userId } }),
  'POST /api/v1/users/:id/enable': (f) => ({ params: { id: f.userId } }),
  'POST /api/v1/residents/:id/verify': (f) => ({ params: { id: f.unverifiedResident } }),
  'POST /api/v1/regions': (f) => ({ body: { parentId: f.gulou, code: '320106099000' } }),
  'PATCH /api/v1/regions/:id': (f) => ({ params: { id: f.street }, body: { code: '320106098000' } }),
  'PUT /api/v1/calendar/days/:date': (f) => ({ params: { date: f.calendarDate } }),
  'DELETE /api/v1/calendar/days/:date': (f) => ({ params: { date: f.calendarDate } }),
  'POST /api/v1/organisations/:id/approve': (f) => ({ params: { id: f.pendingOrg } }),
  'POST /api/v1/organisations/:id/return': (f) => ({ params: { id: f.pendingOrg } }),
  'POST /api/v1/organisations/:id/suspend': (f) => ({ params: { id: f.activeOrg } }),
  'POST /api/v1/organisations/:id/reinstate': (f) => ({ params: { id: f.activeOrg } }),
  'POST /api/v1/organisations/:id/grade-proposals/:proposalId/approve': (f) => ({
    params: { id: f.activeOrg, proposalId: f.gradeProposal },
  }),
  'POST /api/v1/organisations/:id/grade-proposals/:proposalId/reject': (f) => ({
    params: { id: f.activeOrg, proposalId: f.gradeProposal },
  }),
  // the member of the organisation this test approved (not a demo organisation), about its own grade
  'POST /api/v1/my/organisation/grade-proposals': (f) => ({
    as: 'malformed_active',
    body: { grade: 4, expiresOn: `${f.year + 3}-12-31`, documentId: f.activeOrgCertificate },
  }),
  'POST /api/v1/my/organisation/grade-proposals/:proposalId/withdraw': (f) => ({
    as: 'malformed_active',
    params: { proposalId: f.gradeProposal },
  }),
  'POST /api/v1/organisations/:id/blacklist': (f) => ({
    params: { id: f.activeOrg },
    body: { until: `${f.year + 2}-06-30` },
  }),
  // the member of an organisation under review, registered by this test (not a demo organisation)
  'POST /api/v1/my/organisation/documents': () => ({
    as: 'malformed_pending',
    body: { contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
  }),
  'POST /api/v1/my/organisation/members': () => ({ as: 'malformed_pending', body: { username: 'malformed_member' } }),
  'POST /api/v1/my/organisation/resubmit': () => ({ as: 'malformed_pending' }),
  'PATCH /api/v1/my/organisation': (f) => ({
    as: 'malformed_pending',
    body: { contactPhone: '025-83000000', regionId: f.gulou, serviceRegionIds: [f.gulou] },
  }),
  'POST /api/v1/catalogue/versions': (f) => ({ body: { year: f.year + 5 } }),
  'POST /api/v1/catalogue/versions/:id/publish': (f) => ({ params: { id: f.draftVersion } }),
  'POST /api/v1/catalogue/versions/:id/categories': (f) => ({ params: { id: f.draftVersion }, body: { code: 'Z9' } }),
  'PATCH /api/v1/catalogue/categories/:id': (f) => ({ params: { id: f.draftCategory } }),
  'POST /api/v1/catalogue/versions/:id/items': (f) => ({
    params: { id: f.draftVersion },
    body: { categoryId: f.draftCategory, code: 'Z901', serviceStandard: '每日午餐', minOrgGrade: 2 },
  }),
  'PATCH /api/v1/catalogue/items/:id': (f) => ({ params: { id: f.draftItem }, body: { priceCap: '15.00' } }),
  'POST /api/v1/inbox/:id/read': (f) => ({ params: { id: f.notification } }),
  'POST /api/v1/notifications/deliveries/:id/retry': (f) => ({ params: { id: f.failedDelivery } }),
  'POST /api/v1/campaigns': (f) => ({
    body: {
      regionId: f.community,
      description: '征集',
      catalogueVersionId: f.publishedVersion,
      supportsPerResident: 3,
      opensAt: f.later(1),
      closesAt: f.later(20),
    },
  }),
  'PATCH /api/v1/campaigns/:id': (f) => ({
    params: { id: f.draftCampaign },
    body: { opensAt: f.later(6), closesAt: f.later(25), catalogueVersionId: f.publishedVersion },
  }),
  'POST /api/v1/campaigns/:id/deliberations': (f) => ({
    params: { id: f.campaign },
    body: { decisions: [{ needId: f.acceptedNeed, decision: 'APPROVED', reason: '议定通过' }] },
  }),
  'POST /api/v1/needs': (f) => ({
    body: { campaignId: f.campaign, categoryId: f.mealCategory, description: '每日午餐', attributes: MEAL_ATTRIBUTES },
  }),
  'POST /api/v1/needs/:id/attachments': (f) => ({ params: { id: f.submittedNeed } }),
  'POST /api/v1/needs/:id/accept': (f) => ({ params: { id: f.submittedNeed } }),
  'POST /api/v1/needs/:id/reject': (f) => ({ params: { id: f.submittedNeed } }),
  'POST /api/v1/needs/:id/merge': (f) => ({ params: { id: f.submittedNeed }, body: { targetNeedId: f.acceptedNeed } }),
  'POST /api/v1/needs/:id/resubmit': (f) => ({ params: { id: f.submittedNeed }, body: { campaignId: f.campaign } }),
  'POST /api/v1/needs/:id/support': (f) => ({ params: { id: f.acceptedNeed } }),
  'DELETE /api/v1/needs/:id/support': (f) => ({ params: { id: f.acceptedNeed } }),
  'POST /api/v1/support-transfers/:id/accept': (f) => ({ params: { id: f.transfer } }),
  'POST /api/v1/support-transfers/:id/decline': (f) => ({ params: { id: f.transfer } }),
  // next year: a line a lenient probe creates never shows in this year's reports (other tests read them)
  'POST /api/v1/funds/lines': (f) => ({ body: { year: f.year + 1, regionId: f.gulou } }),
  'POST /api/v1/funds/lines/:id/approve': (f) => ({ params: { id: f.pendingLine } }),
  'POST /api/v1/funds/lines/:id/reject': (f) => ({ params: { id: f.pendingLine } }),
  'POST /api/v1/funds/lines/:id/adjustments': (f) => ({ params: { id: f.activeLine } }),
  'POST /api/v1/funds/adjustments/:id/approve': (f) => ({ params: { id: f.pendingAdjustment } }),
  'POST /api/v1/funds/adjustments/:id/reject': (f) => ({ params: { id: f.pendingAdjustment } }),
  'POST /api/v1/funds/entries/:id/reverse': (f) => ({
    params: { id: f.entry },
    body: { idempotencyKey: 'malformed-reverse-1' },
  }),
  'POST /api/v1/funds/years/:year/close': (f) => ({ params: { year: f.year } }),
  'POST /api/v1/projects': (f) => ({ body: projectBody(f) }),
  'PUT /api/v1/projects/:id': (f) => ({ params: { id: f.draftProject }, body: projectBody(f) }),
  'POST /api/v1/projects/:id/submit': (f) => ({ params: { id: f.draftProject } }),
  'POST /api/v1/projects/:id/cancel': (f) => ({ params: { id: f.draftProject }, body: { reason: '需求变更' } }),
  'POST /api/v1/projects/:id/approve': (f) => ({ params: { id: f.submittedProject } }),
  'POST /api/v1/projects/:id/return': (f) => ({ params: { id: f.submittedProject }, body: { reason: '预算过高' } }),
  'POST /api/v1/tenders': (f) => ({ body: tenderBody(f.projectForTender) }),
  'PUT /api/v1/tenders/:id': (f) => ({
    params: { id: f.draftTender.tenderId },
    body: tenderBody(f.draftTender.projectId),
  }),
  'POST /api/v1/tenders/:id/publish': (f) => ({ params: { id: f.draftTender.tenderId } }),
  'POST /api/v1/tenders/:id/cancel': (f) => ({ params: { id: f.draftTender.tenderId }, body: { reason: '需求变更' } }),
  'POST /api/v1/tenders/:id/amendments': (f) => ({ params: { id: f.published }, body: { body: '更正：服务时间调整' } }),
  'POST /api/v1/tenders/:id/clarifications': (f) => ({ params: { id: f.published }, body: { body: '澄清：含节假日' } }),
  'POST /api/v1/tenders/:id/questions': (f) => ({ params: { id: f.published }, body: { question: '是否含节假日？' } }),
  'POST /api/v1/tenders/:id/notices/:noticeId/answer': (f) => ({
    params: { id: f.published, noticeId: f.question },
    body: { answer: '含法定节假日' },
  }),
  'POST /api/v1/tenders/:id/interest': (f) => ({ params: { id: f.published } }),
  'PUT /api/v1/tenders/:id/my-bid': (f) => ({ params: { id: f.published }, body: bidBody('9000.00') }),
  'DELETE /api/v1/tenders/:id/my-bid': (f) => ({ params: { id: f.published } }),
  'POST /api/v1/tenders/:id/my-bid/reconfirm': (f) => ({ params: { id: f.published } }),
  'POST /api/v1/tenders/:id/qualification': (f) => ({
    params: { id: f.opened.id },
    body: { decisions: Object.values(f.opened.bidIds).map((bidId) => ({ bidId, qualified: true })) },
  }),
  'POST /api/v1/tenders/:id/committee/draw': (f) => ({ params: { id: f.opened.id } }),
  'PUT /api/v1/tenders/:id/my-scores': (f) => ({
    params: { id: f.drawn.id },
    as: f.drawn.experts[0],
    body: {
      sheets: Object.values(f.drawn.bidIds).map((bidId) => ({ bidId, scores: { PLAN: '30', TEAM: '20' } })),
    },
  }),
  'POST /api/v1/tenders/:id/award': (f) => ({
    params: { id: f.recommended.id },
    body: { winnerBidId: Object.values(f.recommended.bidIds)[0] },
  }),
  'POST /api/v1/tenders/:id/objections': (f) => ({
    params: { id: f.awarded.id },
    body: { grounds: '评分标准执行不一致，请复核技术分。' },
  }),
  'POST /api/v1/objections/:id/review': (f) => ({ params: { id: f.objection } }),
  'POST /api/v1/objections/:id/answer': (f) => ({
    params: { id: f.objection },
    body: { answer: '经复核，维持原结果。' },
  }),
  'POST /api/v1/my/expert/affiliations': (f) => ({ body: { organisationId: f.activeOrg } }),
  'PUT /api/v1/contracts/:id': (f) => ({ params: { id: f.draftContract }, body: CONTRACT_BODY }),
  'POST /api/v1/contracts/:id/sign/purchaser': (f) => ({ params: { id: f.draftContract } }),
  'POST /api/v1/contracts/:id/sign/supplier': (f) => ({ params: { id: f.draftContract } }),
  'POST /api/v1/contracts/:id/publish': (f) => ({ params: { id: f.draftContract } }),
  'PUT /api/v1/contract-signatories/:userId': (f) => ({ params: { userId: f.orgmember }, body: { granted: true } }),
  'POST /api/v1/contracts/:id/change-orders': (f) => ({
    params: { id: f.changeContract },
    body: { milestoneDueDate: f.later(60).slice(0, 10) },
  }),
  'POST /api/v1/contracts/:id/terminate': (f) => ({
    params: { id: f.terminableContract },
    body: { kind: 'AGREEMENT', reason: '双方协商一致终止' },
  }),
  'POST /api/v1/change-orders/:id/approve': (f) => ({ params: { id: f.changeOrder } }),
  'POST /api/v1/change-orders/:id/reject': (f) => ({ params: { id: f.changeOrder } }),
  'POST /api/v1/change-orders/:id/withdraw': (f) => ({ params: { id: f.changeOrder } }),
  'POST /api/v1/contracts/:id/milestones/:milestoneId/evidence': (f) => ({
    params: { id: f.contract.id, milestoneId: f.contract.milestones[0] },
    body: { kind: 'PHOTO', contentBase64: MILESTONE_PHOTO },
  }),
  'POST /api/v1/contracts/:id/milestones/:milestoneId/reports': (f) => ({
    params: { id: f.contract.id, milestoneId: f.contract.milestones[0] },
    body: reportBody([f.contract.photo]),
  }),
  'POST /api/v1/contracts/:id/milestones/:milestoneId/accept': (f) => ({
    params: { id: f.contract.id, milestoneId: f.contract.milestones[1] },
  }),
  'POST /api/v1/contracts/:id/milestones/:milestoneId/return': (f) => ({
    params: { id: f.contract.id, milestoneId: f.contract.milestones[1] },
    body: { reason: '照片不足，请补充。' },
  }),
  // 验单 scoring (issue #11): the task's evaluator, on a task this test made
  'PUT /api/v1/evaluation/tasks/:id/scores/:leafKey': (f) => ({ params: { id: f.scoring.task, leafKey: 'D1' } }),
  'POST /api/v1/evaluation/tasks/:id/submit': (f) => ({ params: { id: f.scoring.task } }),
  'POST /api/v1/evaluation/tasks/:id/evidence': (f) => ({
    params: { id: f.scoring.task },
    body: { contentBase64: MILESTONE_PHOTO },
  }),
  'POST /api/v1/evaluation/tasks/:id/interviews': (f) => ({ params: { id: f.scoring.task } }),
  'DELETE /api/v1/evaluation/tasks/:id/evidence/:evidenceId': (f) => ({
    params: { id: f.scoring.task, evidenceId: f.scoring.evidence },
  }),
  'POST /api/v1/contracts/:id/milestones/:milestoneId/payment-request': (f) => ({
    params: { id: f.payments.contract, milestoneId: f.payments.milestone },
  }),
  'POST /api/v1/payment-requests/:id/approve': (f) => ({ params: { id: f.payments.request } }),
  'POST /api/v1/payment-requests/:id/reject': (f) => ({
    params: { id: f.payments.request },
    body: { reason: '发票抬头有误' },
  }),
  'POST /api/v1/payment-requests/:id/return': (f) => ({
    params: { id: f.payments.approved },
    body: { reason: '账户信息不符' },
  }),
  'POST /api/v1/payment-requests/:id/pay': (f) => ({ params: { id: f.payments.approved } }),
  'POST /api/v1/custody/accounts/:id/refund': (f) => ({ params: { id: f.custodyDeposit } }),
  'POST /api/v1/custody/accounts/:id/release': (f) => ({ params: { id: f.custodyBond } }),
  'POST /api/v1/custody/accounts/:id/forfeit': (f) => ({ params: { id: f.custodyBond } }),
  // 指标体系: the body of the DTO's examples is a one-leaf tree without a kind — the service refuses a lenient probe
  'POST /api/v1/evaluation/templates': () => ({}),
  'PUT /api/v1/evaluation/templates/:id': (f) => ({ params: { id: f.templates.draft } }),
  'POST /api/v1/evaluation/templates/:id/versions': (f) => ({ params: { id: f.templates.active } }),
  'POST /api/v1/evaluation/templates/:id/activate': (f) => ({ params: { id: f.templates.draft } }),
  'POST /api/v1/evaluation/templates/:id/retire': (f) => ({ params: { id: f.templates.active } }),
  'POST /api/v1/evaluation/contracts/:contractId/final-task': (f) => ({
    params: { contractId: f.evaluation.contract },
  }),
  'POST /api/v1/evaluation/tasks/assign': (f) => ({
    body: { taskIds: [f.evaluation.task], agencyId: f.evaluation.agency, evaluatorId: f.evaluation.evaluator },
  }),
  // an organisation this test registered: a lenient probe that is accepted declares nothing about a demo one
  'POST /api/v1/my/evaluator/affiliations': (f) => ({ body: { organisationId: f.activeOrg } }),
  'POST /api/v1/evaluation/projects/:projectId/survey': (f) => ({
    params: { projectId: f.survey.unopened },
    body: { closesOn: f.later(20).slice(0, 10) },
  }),
  'POST /api/v1/evaluation/projects/:projectId/survey/close': (f) => ({ params: { projectId: f.survey.project } }),
  'POST /api/v1/evaluation/projects/:projectId/beneficiaries': (f) => ({
    params: { projectId: f.survey.project },
    body: { resident: 'resident2' },
  }),
  'DELETE /api/v1/evaluation/projects/:projectId/beneficiaries/:residentId': (f) => ({
    params: { projectId: f.survey.project, residentId: f.survey.beneficiary },
  }),
  'POST /api/v1/community/projects/:projectId/survey': (f) => ({
    params: { projectId: f.survey.unopenedForWorker },
    body: { closesOn: f.later(20).slice(0, 10) },
  }),
  'POST /api/v1/community/projects/:projectId/survey/proxy-answers': (f) => ({
    params: { projectId: f.survey.project },
    body: { residentId: f.survey.beneficiary },
  }),
  'POST /api/v1/community/projects/:projectId/beneficiaries': (f) => ({
    params: { projectId: f.survey.project },
    body: { resident: 'resident2' },
  }),
  'DELETE /api/v1/community/projects/:projectId/beneficiaries/:residentId': (f) => ({
    params: { projectId: f.survey.project, residentId: f.survey.beneficiary },
  }),
  'PUT /api/v1/surveys/:token/my-answer': (f) => ({ params: { token: f.survey.token } }),
  'POST /api/v1/evaluation/tasks/:id/confirm': (f) => ({ params: { id: f.results.submitted } }),
  'POST /api/v1/evaluation/tasks/:id/return': (f) => ({ params: { id: f.results.submitted } }),
  // its objection is open: even a body the route accepts files nothing more (one open objection per result)
  'POST /api/v1/evaluation/tasks/:id/objections': (f) => ({
    params: { id: f.results.confirmed },
    body: {
      attachments: [{ fileName: '问卷记录.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }],
    },
  }),
  'POST /api/v1/evaluation/objections/:id/uphold': (f) => ({ params: { id: f.results.objection } }),
  'POST /api/v1/evaluation/objections/:id/dismiss': (f) => ({ params: { id: f.results.objection } }),
  // 等级评估: an organisation that already has an open assessment (a lenient probe that passes still opens none)
  'POST /api/v1/evaluation/grade-assessments': (f) => ({ body: { organisationId: f.grading.gradingOrg } }),
  'PUT /api/v1/evaluation/grade-assessments/:id/scores': (f) => ({
    params: { id: f.grading.gradeAssessment },
    body: { scores: [{ leafKey: 'B1-2', score: '9', note: '查阅资产负债表' }] },
  }),
  'POST /api/v1/evaluation/grade-assessments/:id/submit': (f) => ({ params: { id: f.grading.gradeAssessment } }),
  'POST /api/v1/evaluation/grade-assessments/:id/cancel': (f) => ({
    params: { id: f.grading.gradeAssessment },
    body: { reason: '机构申请暂缓评估' },
  }),
  // submitted by officer, the caller: a return or decision that passed validation is refused (separation of duties)
  'POST /api/v1/evaluation/grade-assessments/:id/return': (f) => ({
    params: { id: f.grading.submittedGradeAssessment },
    body: { reason: '扣分依据不足' },
  }),
  'POST /api/v1/evaluation/grade-assessments/:id/decide': (f) => ({
    params: { id: f.grading.submittedGradeAssessment },
    body: { contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
  }),
  // next year: lines a lenient probe adds apply only from then
  'POST /api/v1/evaluation/grade-cutoffs': (f) => ({
    body: { regionId: f.gulou, effectiveFrom: `${f.year + 1}-01-01` },
  }),
};

function creditCode(nine: string): string {
  const first17 = `52320106${nine}`;
  return first17 + creditCodeCheckChar(first17);
}

// ---------------------------------------------------------------------------------------------------------------
// The route table, from Nest's metadata.
type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: WriteMethod;
  path: string;
  handler: string;
  permission: Permission | null;
  params: string[];
  bodyDto: Type<unknown> | null;
  takesFile: boolean;
}
const key = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

function registeredRoutes(t: TestApp): Route[] {
  const discovery = t.app.get(DiscoveryService);
  const reflector = t.app.get(Reflector);
  const scanner = new MetadataScanner();
  const out: Route[] = [];
  for (const c of discovery.getControllers()) {
    const ctrl = c.metatype as Type<unknown>;
    const proto = Object.getPrototypeOf(c.instance) as Record<string, (...a: unknown[]) => unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const path = `/${['api', base, sub].join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctrl, name) ?? {}) as Record<string, { index: number }>;
      const kinds = Object.entries(args).map(([k, v]) => ({ kind: Number(k.split(':')[0]), index: v.index }));
      const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as Array<Type<unknown>>;
      const body = kinds.find((k) => k.kind === RouteParamtypes.BODY);
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, ctrl]) === true;
      out.push({
        method: method as WriteMethod,
        path,
        handler: `${ctrl.name}.${name}`,
        permission: isPublic
          ? null
          : (reflector.getAllAndOverride<Permission>(REQUIRED_PERMISSION, [handler, ctrl]) ?? null),
        params: [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]),
        bodyDto: body ? types[body.index] : null,
        takesFile: kinds.some((k) => k.kind === RouteParamtypes.FILE || k.kind === RouteParamtypes.FILES),
      });
    }
  }
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}

/** The write routes as the express router holds them (what actually answers). */
function expressWriteRoutes(t: TestApp): string[] {
  const app = t.app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  const out: string[] = [];
  for (const layer of app.router.stack) {
    if (!layer.route || !layer.route.path.startsWith('/api/')) continue;
    // The queue board's routes are Bull Board's, not Nest controllers: they never read a body (the two retries take
    // none, every other write is refused before its handler); queue-board.e2e-spec.ts covers them.
    if (layer.route.path.startsWith(`${BOARD_BASE}/`)) continue;
    for (const m of Object.keys(layer.route.methods)) {
      if (['post', 'put', 'patch', 'delete'].includes(m)) out.push(`${m.toUpperCase()} ${layer.route.path}`);
    }
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Base bodies from the OpenAPI schemas (examples first), then BINDINGS.
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  example?: unknown;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  minItems?: number;
}

function synthesize(s: Schema, schemas: Record<string, Schema>, allFields: boolean): unknown {
  if (s.$ref) return synthesize(schemas[s.$ref.split('/').pop() as string], schemas, allFields);
  if (s.allOf) return synthesize(s.allOf[0], schemas, allFields);
  if (s.example !== undefined) return structuredClone(s.example);
  if (s.enum) return s.enum[0];
  if (s.type === 'string') return '测试内容';
  if (s.type === 'integer' || s.type === 'number') return Math.max(1, s.minimum ?? 1);
  if (s.type === 'boolean') return true;
  if (s.type === 'array') return [synthesize(s.items ?? { type: 'string' }, schemas, allFields)];
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.properties ?? {}))
    if (allFields || (s.required ?? []).includes(k)) o[k] = synthesize(v, schemas, allFields);
  return o;
}

function schemaOf(dto: Type<unknown>, schemas: Record<string, Schema>): Schema {
  return schemas[dto.name] ?? { type: 'object', properties: {} };
}

/** Free-form objects (`attributes`, `technical`, `scores`): the DTO does not type their members, the service does. */
function isFreeForm(s: Schema | undefined, schemas: Record<string, Schema>): boolean {
  if (!s) return true;
  if (s.$ref) return isFreeForm(schemas[s.$ref.split('/').pop() as string], schemas);
  if (s.allOf) return isFreeForm(s.allOf[0], schemas);
  return s.type === 'object' && s.properties === undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus.
type Expect = 'refused' | 'param' | 'lenient';
interface Probe {
  label: string;
  expect: Expect;
  path?: string;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  multipart?: { field: string; filename: string; content: Buffer };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Segment = string | number;

function setAt(base: Json, path: Segment[], value: Json | undefined): Json {
  const copy = structuredClone(base);
  let node = copy as Record<Segment, Json>;
  for (const s of path.slice(0, -1)) node = node[s] as unknown as Record<Segment, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const show = (path: Segment[]) => path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('') || '(body)';

/** Per-field mutations of a valid body: wrong types, refused characters, impossible dates, bad money, nulls. */
function fieldProbes(base: Json, schema: Schema, schemas: Record<string, Schema>): Probe[] {
  const out: Probe[] = [];
  const json = (b: Json) => JSON.stringify(b);
  const visit = (value: Json, path: Segment[], typed: boolean) => {
    // Inside a free-form object the DTO types nothing; the service checks the values (any 4xx, never a change).
    const expect: Expect = typed ? 'refused' : 'lenient';
    const probe = (label: string, v: Json) =>
      out.push({ label: `${show(path)} ${label}`, expect, body: json(setAt(base, path, v)) });
    if (typeof value === 'string') {
      probe('as a number', 12345);
      probe('as an object', { a: 1 });
      probe('as a list', [value]);
      // refused everywhere, typed or not
      for (const [label, v] of [
        ['with a lone surrogate', `${value}\ud800`],
        ['with NUL', `${value}\u0000`],
        ['with a right-to-left override', `\u202E${value}`],
        ['with an isolate', `${value}\u2067`],
      ] as const)
        out.push({ label: `${show(path)} ${label}`, expect: 'refused', body: json(setAt(base, path, v)) });
      if (isCalendarDate(value)) probe('on 30 February', '2026-02-30');
      if (isInstant(value)) {
        probe('on 30 February', '2026-02-30T10:00:00Z');
        probe('at 24:00', value.replace(/T\d\d:\d\d/, 'T24:00'));
        probe('without its offset', value.replace(/(\.\d+)?(Z|[+-]\d\d:\d\d)$/, ''));
      }
      if (/^-?\d+\.\d{2}$/.test(value)) {
        probe('with three decimals', `${value}1`);
        probe('in exponent form', '1e3');
        probe('as a number', Number(value));
      }
    } else if (typeof value === 'number') {
      probe('as a string', String(value));
      probe('as a boolean', true);
      if (Number.isInteger(value)) probe('with a fraction', value + 0.5);
      probe('beyond any range', 1e300);
    } else if (typeof value === 'boolean') {
      probe('as a string', String(value));
      probe('as a number', 1);
    } else if (Array.isArray(value)) {
      probe('as a string', 'x');
      probe('as an object', { a: 1 });
      if (value.length > 0) visit(value[0], [...path, 0], typed);
    } else if (value !== null && typeof value === 'object') {
      if (path.length > 0) {
        probe('as a string', 'x');
        probe('as a list', [value]);
      }
      const props = propertiesAt(schema, path, schemas);
      for (const k of Object.keys(value)) visit(value[k], [...path, k], typed && !isFreeForm(props?.[k], schemas));
    }
  };
  visit(base, [], true);
  // missing, extra and null top-level fields
  const top = schema.properties ?? {};
  for (const k of schema.required ?? [])
    out.push({ label: `.${k} missing`, expect: 'refused', body: json(setAt(base, [k], undefined)) });
  out.push({
    label: 'an unknown field',
    expect: 'refused',
    body: json({ ...(base as Record<string, Json>), unexpected: 1 }),
  });
  for (const k of Object.keys(top)) {
    const required = (schema.required ?? []).includes(k);
    // null for an optional field may mean "clear it": it must not break anything, it need not be refused
    out.push({
      label: `.${k} null`,
      expect: required ? 'refused' : 'lenient',
      body: json(setAt(base, [k], null)),
    });
  }
  return out;
}

function propertiesAt(
  schema: Schema,
  path: Segment[],
  schemas: Record<string, Schema>,
): Record<string, Schema> | undefined {
  let s: Schema | undefined = schema;
  const deref = (x: Schema | undefined): Schema | undefined =>
    x?.$ref ? deref(schemas[x.$ref.split('/').pop() as string]) : x?.allOf ? deref(x.allOf[0]) : x;
  for (const seg of path) {
    s = deref(s);
    s = typeof seg === 'number' ? s?.items : s?.properties?.[seg];
  }
  return deref(s)?.properties;
}

/** Whole-body probes: sent once per route (the heavy ones included). */
function bodyProbes(route: Route, base: Json | undefined, limit: number, hasRequired: boolean): Probe[] {
  const text = base === undefined ? '{"x":1}' : JSON.stringify(base);
  const probes: Probe[] = [
    { label: 'invalid JSON', expect: 'refused', body: text.slice(0, -1) },
    { label: 'text/plain', expect: 'refused', body: text, contentType: 'text/plain' },
    { label: 'a form', expect: 'refused', body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { label: 'JSON in latin1', expect: 'refused', body: text, contentType: 'application/json; charset=latin1' },
    {
      label: 'gzip-compressed',
      expect: 'refused',
      body: gzipSync(text),
      headers: { 'Content-Encoding': 'gzip' },
    },
    { label: 'br-compressed', expect: 'refused', body: text, headers: { 'Content-Encoding': 'br' } },
    { label: 'over the limit', expect: 'refused', body: `{"x":"${'x'.repeat(limit)}"}` },
    { label: 'nested 5000 deep', expect: 'refused', body: `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}` },
    { label: 'a JSON array', expect: 'refused', body: `[${text}]` },
    { label: 'a JSON string', expect: 'refused', body: '"x"' },
    { label: 'JSON null', expect: 'refused', body: 'null' },
    { label: 'bytes that are not UTF-8', expect: 'refused', body: Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22]) },
  ];
  const withKey = (k: string) =>
    base !== undefined && typeof base === 'object' && !Array.isArray(base) && base !== null
      ? `{${JSON.stringify(k)}:{"admin":true},${text.slice(1)}`
      : `{${JSON.stringify(k)}:{"admin":true}}`;
  for (const k of ['__proto__', 'constructor', 'prototype', 'a\ud800', 'a\u202E'])
    probes.push({ label: `a ${JSON.stringify(k)} key`, expect: 'refused', body: withKey(k) });
  if (route.bodyDto === null) {
    probes.push({ label: 'fields on a route that takes no body', expect: 'refused', body: '{"status":"DONE"}' });
  } else {
    if (route.method === 'PATCH' || hasRequired)
      probes.push({ label: 'an empty object', expect: 'refused', body: '{}' });
    if (route.method === 'PATCH') probes.push({ label: 'no body at all', expect: 'refused' });
    // one 1 MB string (≈ 1 000 000 ASCII characters fits under 1 MiB: it must be refused by the DTO's own limits)
    const firstString = findString(base ?? null, []);
    const big = 'x'.repeat(1_000_000);
    probes.push({
      label: `a 1 MB string in ${firstString ? show(firstString) : '.unexpected'}`,
      expect: 'refused',
      body: JSON.stringify(
        firstString ? setAt(base as Json, firstString, big) : { ...(base as Record<string, Json>), unexpected: big },
      ),
    });
  }
  return probes;
}

function findString(v: Json, path: Segment[]): Segment[] | null {
  if (typeof v === 'string') return path;
  if (Array.isArray(v)) return v.length > 0 ? findString(v[0], [...path, 0]) : null;
  if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      const found = findString(v[k], [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Query strings and path parameters. */
function urlProbes(
  route: Route,
  path: string,
  params: Record<string, string | number>,
  body?: string,
  multipart?: Probe['multipart'],
): Probe[] {
  const probes: Probe[] = [];
  for (const [label, q] of [
    ['a NUL in the query', '?q=%00'],
    ['a bidi override in the query', '?q=%E2%80%AE'],
    ['a query that is not UTF-8', '?q=%ED%A0%80'],
    ['a __proto__ query key', '?__proto__=1'],
  ])
    probes.push({ label, expect: 'refused', path: `${path}${q}`, body, multipart });
  for (const p of route.params) {
    const at = (v: string) => fill(route.path, { ...params, [p]: v });
    for (const [label, v] of [
      ['with NUL', `${params[p]}%00`],
      ['with a bidi override', `%E2%80%AE${params[p]}`],
      ['not UTF-8', '%ED%A0%80'],
    ])
      probes.push({ label: `:${p} ${label}`, expect: 'refused', path: at(v), body, multipart });
    for (const [label, v] of [
      ['as words', 'abc'],
      ['out of range', '99999999999999999999'],
      ...(isCalendarDate(String(params[p])) ? [['on 30 February', '2026-02-30']] : []),
    ])
      probes.push({ label: `:${p} ${label}`, expect: 'param', path: at(v), body, multipart });
  }
  return probes;
}

function fill(path: string, params: Record<string, string | number>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, p: string) => String(params[p]));
}

const PDF = Buffer.from('%PDF-1.4\n% attachment\n%%EOF\n');

function fileProbes(): Probe[] {
  return [
    { label: 'JSON instead of multipart', expect: 'refused', body: '{"file":"x"}' },
    {
      label: 'a multipart file named with a right-to-left override',
      expect: 'refused',
      multipart: { field: 'file', filename: '报告\u202Efdp.exe', content: PDF },
    },
    {
      label: 'a multipart file named with NUL',
      expect: 'refused',
      multipart: { field: 'file', filename: 'a\u0000.pdf', content: PDF },
    },
    {
      label: 'a multipart file in another field',
      expect: 'refused',
      multipart: { field: 'document', filename: 'a.pdf', content: PDF },
    },
    {
      label: 'a multipart file over 5 MB',
      expect: 'refused',
      multipart: { field: 'file', filename: 'big.pdf', content: Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]) },
    },
    {
      label: 'gzip-compressed multipart',
      expect: 'refused',
      body: gzipSync('--x\r\n'),
      contentType: 'multipart/form-data; boundary=x',
      headers: { 'Content-Encoding': 'gzip' },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------

describe('malformed input on every write route (issue #9 B2)', () => {
  let t: TestApp;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  let f: Fixtures;
  const tokens: Record<string, string> = {};

  const limitFor = (path: string) => {
    for (const [route, limit] of BODY_LIMITS.routes)
      if (typeof route === 'string' ? path === route : route.test(path)) return limit;
    return BODY_LIMITS.default;
  };

  async function token(username: string): Promise<string> {
    tokens[username] ??= (await login(t, username)).accessToken;
    return tokens[username];
  }

  function callerOf(route: Route, binding: Binding): string | null {
    if (route.permission === null) return null;
    if (binding.as) return binding.as;
    const found = CALLERS.find(([, role]) => ROLE_PERMISSIONS[role].includes(route.permission as Permission));
    if (!found) throw new Error(`${key(route)}: no demo user holds ${route.permission}; add one to CALLERS`);
    return found[0];
  }

  /** A checksum of every table of the schema: any write anywhere shows. */
  async function digest(): Promise<Map<string, string>> {
    const tables = (await t.ds.query(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name",
    )) as Array<{ t: string }>;
    const rows = (await t.ds.query(`CHECKSUM TABLE ${tables.map((x) => `\`${x.t}\``).join(', ')}`)) as Array<{
      Table: string;
      Checksum: string;
    }>;
    return new Map(rows.map((r) => [r.Table.split('.').pop() as string, String(r.Checksum)]));
  }
  const changed = (a: Map<string, string>, b: Map<string, string>) =>
    [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));

  async function fixtures(): Promise<Fixtures> {
    const as = async (u: string) => `Bearer ${await token(u)}`;
    const ok = async (res: Promise<Response> | Response, what: string, status = [200, 201, 204]) => {
      const r = await res;
      if (!status.includes(r.status)) throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body as Record<string, unknown>;
    };
    const http = () => t.http();
    const [{ y }] = (await t.ds.query('SELECT YEAR(UTC_TIMESTAMP()) AS y')) as Array<{ y: number }>;
    const community = await regionId(t.ds, '320106002001');
    const gulou = await regionId(t.ds, '320106000000');
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

    const user = await ok(
      http()
        .post('/api/v1/users')
        .set('Authorization', await as('admin'))
        .send({
          username: 'malformed_target',
          displayName: '目标用户',
          password: 'Diandan@2026',
          roles: ['RESIDENT'],
          regionId: community,
        }),
      'user',
    );
    await ok(
      http()
        .post('/api/v1/auth/register')
        .send({ phone: '13900009876', password: 'Diandan@2026', displayName: '待核验居民', communityId: community }),
      'resident registration',
    );
    const calendarDate = `${y + 3}-05-06`;
    await ok(
      http()
        .put(`/api/v1/calendar/days/${calendarDate}`)
        .set('Authorization', await as('admin'))
        .send({ kind: 'HOLIDAY', name: '测试假日' }),
      'calendar day',
    );
    const register = (name: string, nine: string, username: string) =>
      ok(
        http()
          .post('/api/v1/organisations/register')
          .send({
            name,
            kind: 'SOCIAL_ORGANISATION',
            orgType: 'SOCIAL_SERVICE_AGENCY',
            creditCode: creditCode(nine),
            regionId: gulou,
            legalRepresentative: '周明',
            contactPhone: '025-83000000',
            serviceRegionIds: [gulou],
            username,
            displayName: '周明',
            password: 'Diandan@2026',
          }),
        `organisation ${name}`,
      );
    const pendingOrg = await register('南京市鼓楼区待审社会工作服务中心', 'MJ6000002', 'malformed_pending');
    const activeOrg = await register('南京市鼓楼区已审社会工作服务中心', 'MJ6000003', 'malformed_active');
    const officer = await as('officer');
    await ok(
      http().post(`/api/v1/organisations/${activeOrg.organisationId}/approve`).set('Authorization', officer).send({}),
      'organisation approval',
    );
    const member = await as('malformed_active');
    const certificate = await ok(
      http()
        .post('/api/v1/my/organisation/documents')
        .set('Authorization', member)
        .send({
          kind: 'GRADE_CERTIFICATE',
          fileName: '等级证书.pdf',
          contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
        }),
      'grade certificate',
    );
    const gradeProposal = await ok(
      http()
        .post('/api/v1/my/organisation/grade-proposals')
        .set('Authorization', member)
        .send({ grade: 4, expiresOn: `${y + 3}-12-31`, documentId: certificate.id }),
      'grade proposal',
    );
    const street = await ok(
      http()
        .post('/api/v1/regions')
        .set('Authorization', await as('admin'))
        .send({ parentId: gulou, code: '320106098000', name: '畸形输入街道' }),
      'region',
    );

    const version = await ok(
      http()
        .post('/api/v1/catalogue/versions')
        .set('Authorization', officer)
        .send({ year: y + 4, title: '畸形输入测试目录' }),
      'catalogue version',
    );
    const category = await ok(
      http()
        .post(`/api/v1/catalogue/versions/${version.id}/categories`)
        .set('Authorization', officer)
        .send({ code: 'Z1', name: '测试类别' }),
      'category',
    );
    const item = await ok(
      http()
        .post(`/api/v1/catalogue/versions/${version.id}/items`)
        .set('Authorization', officer)
        .send({
          categoryId: category.id,
          code: 'Z101',
          name: '测试服务',
          serviceStandard: '标准',
          unit: '次',
          priceCap: '15.00',
          minOrgGrade: 2,
          paymentSchedule: [{ label: '全款', percent: 100 }],
        }),
      'item',
    );

    const worker = await as('worker');
    const resident = await as('resident');
    const mealCategory = await categoryIdOfItem(t.ds, 'A0101');
    const publishedVersion = await publishedVersionId(t.ds);
    const campaignBody = (opensAt: string, title: string) => ({
      regionId: community,
      title,
      description: '测试',
      opensAt,
      closesAt: inDays(20),
      supportsPerResident: 3,
      minSupportsToShortlist: 1,
      catalogueVersionId: publishedVersion,
    });
    const campaign = await ok(
      http()
        .post('/api/v1/campaigns')
        .set('Authorization', worker)
        .send(campaignBody(inDays(-1), '畸形输入征集')),
      'campaign',
    );
    const draftCampaign = await ok(
      http()
        .post('/api/v1/campaigns')
        .set('Authorization', worker)
        .send(campaignBody(inDays(5), '畸形输入草稿征集')),
      'draft campaign',
    );
    const submitNeed = async (title: string, by: string) =>
      ok(
        http()
          .post('/api/v1/needs')
          .set('Authorization', by)
          .send({
            campaignId: campaign.id,
            categoryId: mealCategory,
            title,
            description: '描述',
            attributes: MEAL_ATTRIBUTES,
            location: '活动中心',
            ...(by === worker ? { offlineName: '王大爷' } : {}),
          }),
        `need ${title}`,
      );
    const submitted = await submitNeed('畸形输入待受理', resident);
    const accepted = await submitNeed('畸形输入已受理', worker);
    await ok(http().post(`/api/v1/needs/${accepted.id}/accept`).set('Authorization', worker), 'accept');
    const source = await submitNeed('畸形输入合并来源', worker);
    await ok(http().post(`/api/v1/needs/${source.id}/accept`).set('Authorization', worker), 'accept source');
    await ok(http().post(`/api/v1/needs/${source.id}/support`).set('Authorization', resident), 'support source');
    await ok(
      http().post(`/api/v1/needs/${source.id}/merge`).set('Authorization', worker).send({ targetNeedId: accepted.id }),
      'merge',
    );
    const [transfer] = (await t.ds.query('SELECT id FROM support_transfers WHERE source_need_id = ? AND user_id = ?', [
      source.id,
      await userId(t.ds, 'resident'),
    ])) as Array<{ id: number }>;

    const line = await ok(
      http()
        .post('/api/v1/funds/lines')
        .set('Authorization', officer)
        .send({ year: y + 1, regionId: gulou, source: 'DONATION', title: '畸形输入测试资金', amount: '1000.00' }),
      'budget line',
    );
    const active = await activeLineId(t);
    const adjustment = await ok(
      http()
        .post(`/api/v1/funds/lines/${active}/adjustments`)
        .set('Authorization', officer)
        .send({ delta: '100.00', reason: '追加' }),
      'adjustment',
    );
    const [entry] = (await t.ds.query(
      'SELECT e.id FROM ledger_entries e JOIN budget_lines l ON l.id = e.line_id WHERE l.id = ? ORDER BY e.id LIMIT 1',
      [active],
    )) as Array<{ id: string }>;

    const approvedNeedId = await approvedNeed(t, '畸形输入项目需求');
    const projectFixture = (title: string, needId: number) => ({
      title,
      regionId: community,
      catalogueItemId: 0,
      needIds: [needId],
      quantity: 800,
      unitPrice: '12.50',
      budgetLineId: active,
      plan: PLAN,
    });
    const mealItem = await mealItemId(t);
    const draftProject = await ok(
      http()
        .post('/api/v1/projects')
        .set('Authorization', officer)
        .send({
          ...projectFixture('畸形输入草稿项目', await approvedNeed(t, '畸形输入草稿需求')),
          catalogueItemId: mealItem,
        }),
      'draft project',
    );
    const submittedProject = await ok(
      http()
        .post('/api/v1/projects')
        .set('Authorization', officer)
        .send({
          ...projectFixture('畸形输入待批项目', await approvedNeed(t, '畸形输入待批需求')),
          catalogueItemId: mealItem,
        }),
      'submitted project',
    );
    await ok(http().post(`/api/v1/projects/${submittedProject.id}/submit`).set('Authorization', officer), 'submit');

    // The tender stages are independent: built side by side (each takes several sign-ins and a deadline).
    const [projectForTender, draft, published, opened, drawn, recommended, awarded] = await Promise.all([
      approvedProject(t, '畸形输入待招标项目'),
      draftTender(t, '畸形输入草稿招标'),
      publishedTender(t, '畸形输入已发布'),
      openedTender(t, '畸形输入已开标'),
      drawnTender(t, '畸形输入评审中'),
      recommendedTender(t, '畸形输入待定标'),
      awardedTender(t, '畸形输入已中标'),
    ]);
    const question = await ok(
      http()
        .post(`/api/v1/tenders/${published}/questions`)
        .set('Authorization', await as('orgmember'))
        .send({ question: '是否包含节假日？' }),
      'question',
    );
    const objection = await ok(
      http()
        .post(`/api/v1/tenders/${awarded.id}/objections`)
        .set('Authorization', await as('orgmember2'))
        .send({ grounds: '评分标准执行不一致，请复核技术分。' }),
      'objection',
    );
    // 合同: a DRAFT contract of 阳光养老 on the awarded tender, written directly (the award path is contracts.e2e-spec.ts)
    const [sunshine] = (await t.ds.query(
      "SELECT id FROM organisations WHERE name = '南京市鼓楼区阳光养老服务中心'",
    )) as Array<{ id: number }>;
    const draftContract = (await t.ds.query(
      `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
         organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
         payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, created_at, updated_at)
       SELECT 'HT-MALFORMED-1', p.id, t.id, ?, p.region_id, p.region_path, p.budget_line_id, ?, '畸形输入合同', 'DRAFT',
         900000, 0, ?, '2030-01-01', '2030-12-31', 12, 30, 500, 45000, UTC_TIMESTAMP(3),
         UTC_TIMESTAMP(3) + INTERVAL 30 DAY, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
       FROM tenders t JOIN projects p ON p.id = t.project_id WHERE t.id = ?`,
      [Object.values(awarded.bidIds)[0], sunshine.id, JSON.stringify(CONTRACT_BODY.content), awarded.id],
    )) as { insertId: number };
    await t.ds.query(
      `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen,
         is_final, status, created_at, updated_at)
       VALUES (?, 1, '结项', '结项报告', '2030-12-31', '2030-12-31 16:00:00', 10000, 900000, 1, 'PENDING',
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [draftContract.insertId],
    );
    const draftTemplate = await ok(
      http()
        .post('/api/v1/evaluation/templates')
        .set('Authorization', await as('officer'))
        .send({ code: 'MALFORMED-DRAFT', name: '畸形输入指标体系', purpose: 'PROJECT', tree: ORACLE_TREE }),
      'draft template',
    );
    const activeTemplate = await insertTemplate(t, { code: 'MALFORMED-ACTIVE' });
    const contract = await liveContract(t, '畸形输入合同');
    const photo = await ok(
      http()
        .post(`/api/v1/contracts/${contract.contractId}/milestones/${contract.milestoneIds[0]}/evidence`)
        .set('Authorization', await as('orgmember'))
        .send({ kind: 'PHOTO', fileName: '畸形输入.png', contentBase64: MILESTONE_PHOTO }),
      'evidence',
    );
    // 验单: a FINAL task ASSIGNED to the evaluator, with a document (so that the evidence routes have a record)
    const evaluationTask = await assignedFinalTask(t, '畸形输入评估合同');
    const evaluationEvidence = await ok(
      http()
        .post(`/api/v1/evaluation/tasks/${evaluationTask.taskId}/evidence`)
        .set('Authorization', await as('evaluator'))
        .send({ kind: 'DOCUMENT', leafKeys: ['D1'], fileName: '畸形输入.png', contentBase64: MILESTONE_PHOTO }),
      'evaluation evidence',
    );
    const [notification] = (await t.ds.query(
      'SELECT id FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT 1',
      [await userId(t.ds, 'resident')],
    )) as Array<{ id: string }>;
    const orgOf = async (username: string): Promise<number> =>
      (
        (await t.ds.query('SELECT organisation_id FROM users WHERE username = ?', [username])) as Array<{
          organisation_id: number;
        }>
      )[0].organisation_id;
    const [unverified] = (await t.ds.query("SELECT id FROM users WHERE username = '13900009876'")) as Array<{
      id: number;
    }>;
    const pc = await contractWithMilestones(t.app, t.ds, {
      amountFen: 900_000n,
      sharesBp: [3000, 3000, 4000],
      accepted: 2,
    });
    const orgmemberToken = `Bearer ${await token('orgmember')}`;
    const payReq = async (i: number) => {
      const r = await t
        .http()
        .post(`/api/v1/contracts/${pc.contractId}/milestones/${pc.milestoneIds[i]}/payment-request`)
        .set('Authorization', orgmemberToken);
      if (r.status !== 201) throw new Error(`payment request: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.id as number;
    };
    const paymentRequest = await payReq(0);
    const pc2 = await contractWithMilestones(t.app, t.ds, { amountFen: 900_000n, sharesBp: [5000, 5000], accepted: 1 });
    const approvedR = await t
      .http()
      .post(`/api/v1/contracts/${pc2.contractId}/milestones/${pc2.milestoneIds[0]}/payment-request`)
      .set('Authorization', orgmemberToken);
    await t
      .http()
      .post(`/api/v1/payment-requests/${approvedR.body.id as number}/approve`)
      .set('Authorization', `Bearer ${await token('officer')}`)
      .expect(200);

    const changeContract = await contractFixture(t, '畸形输入合同');
    const terminableContract = await contractFixture(t, '畸形输入待终止合同');
    const changeOrder = await ok(
      http()
        .post(`/api/v1/contracts/${changeContract.contractId}/change-orders`)
        .set('Authorization', await as('officer'))
        .send({
          scope: '畸形输入追加服务',
          amount: '100.00',
          reason: '畸形输入测试',
          milestoneTitle: '畸形输入里程碑',
          milestoneDueDate: inDays(30).slice(0, 10),
        }),
      'change order',
    );

    // 满意度调查 (issue #11): two projects waiting for a survey, one with an open survey and a recorded beneficiary
    const [unopened, unopenedForWorker, surveyed] = [
      await liveContract(t, '畸形输入待开调查', { status: 'ACTIVE' }),
      await liveContract(t, '畸形输入社工待开调查', { status: 'ACTIVE' }),
      await liveContract(t, '畸形输入调查', { status: 'ACTIVE' }),
    ];
    await ok(
      http().post(`/api/v1/evaluation/projects/${surveyed.projectId}/survey`).set('Authorization', officer).send({}),
      'survey',
    );
    await ok(
      http()
        .post(`/api/v1/evaluation/projects/${surveyed.projectId}/beneficiaries`)
        .set('Authorization', officer)
        .send({ resident: 'resident3' }),
      'survey beneficiary',
    );
    const [{ token: surveyToken }] = (await t.ds.query('SELECT token FROM evaluation_surveys WHERE project_id = ?', [
      surveyed.projectId,
    ])) as Array<{ token: string }>;

    return {
      survey: {
        unopened: unopened.projectId,
        unopenedForWorker: unopenedForWorker.projectId,
        project: surveyed.projectId,
        token: surveyToken,
        beneficiary: await userId(t.ds, 'resident3'),
      },
      year: y,
      later: inDays,
      publishedVersion,
      community,
      gulou,
      userId: user.id as number,
      unverifiedResident: unverified.id,
      calendarDate,
      pendingOrg: pendingOrg.organisationId as number,
      activeOrg: activeOrg.organisationId as number,
      activeOrgCertificate: certificate.id as number,
      gradeProposal: gradeProposal.id as number,
      street: street.id as number,
      draftVersion: version.id as number,
      draftCategory: category.id as number,
      draftItem: item.id as number,
      notification: Number(notification.id),
      failedDelivery: await failedDelivery(t.ds, 'resident'),
      campaign: campaign.id as number,
      draftCampaign: draftCampaign.id as number,
      mealCategory,
      submittedNeed: submitted.id as number,
      acceptedNeed: accepted.id as number,
      approvedNeed: approvedNeedId,
      transfer: transfer.id,
      pendingLine: line.id as number,
      activeLine: active,
      pendingAdjustment: adjustment.id as number,
      entry: Number(entry.id),
      mealItem,
      draftProject: draftProject.id as number,
      submittedProject: submittedProject.id as number,
      projectForTender,
      draftTender: draft,
      published,
      question: (question as unknown as Array<{ id: number; question: string | null }>).find(
        (n) => n.question === '是否包含节假日？',
      )?.id as number,
      opened,
      drawn,
      recommended,
      awarded,
      payments: {
        contract: pc.contractId,
        milestone: pc.milestoneIds[1],
        request: paymentRequest,
        approved: approvedR.body.id as number,
      },
      objection: objection.id as number,
      draftContract: draftContract.insertId,
      orgmember: await userId(t.ds, 'orgmember'),
      templates: { draft: draftTemplate.id as number, active: activeTemplate },
      evaluation: await evaluationFixtures(),
      grading: await gradingFixtures(t, 'malformed'),
      changeContract: changeContract.contractId,
      terminableContract: terminableContract.contractId,
      changeOrder: changeOrder.id as number,
      contract: { id: contract.contractId, milestones: contract.milestoneIds, photo: photo.id as number },
      custodyDeposit: await heldCustodyAccount(t.ds, {
        tenderId: awarded.id,
        organisationId: await orgOf('orgmember2'),
        returnable: true,
      }),
      custodyBond: await heldCustodyAccount(t.ds, {
        tenderId: awarded.id,
        organisationId: await orgOf('orgmember'),
        kind: 'PERFORMANCE_BOND',
        forfeitable: true,
      }),
      scoring: { task: evaluationTask.taskId, evidence: evaluationEvidence.id as number },
      results: await evaluationResults(),
    };

    async function evaluationResults(): Promise<Fixtures['results']> {
      const submitted = (await submittedFinalTask(t, '畸形输入待确认评估')).taskId;
      const confirmed = (await submittedFinalTask(t, '畸形输入已确认评估')).taskId;
      await ok(
        http()
          .post(`/api/v1/evaluation/tasks/${confirmed}/confirm`)
          .set('Authorization', await as('officer')),
        'evaluation confirmed',
      );
      const objection = await ok(
        http()
          .post(`/api/v1/evaluation/tasks/${confirmed}/objections`)
          .set('Authorization', await as('orgmember'))
          .send({ reasons: '满意度调查样本不足，请复核。' }),
        'evaluation objection',
      );
      return { submitted, confirmed, objection: objection.id as number };
    }
  }

  /** 第三方验单 (issue #11): an active template, a live contract without a final task, another with an OPEN one. */
  async function evaluationFixtures(): Promise<Fixtures['evaluation']> {
    await insertTemplate(t, {});
    const open = await liveContract(t, '畸形输入评估合同', { status: 'ACTIVE' });
    const made = await t
      .http()
      .post(`/api/v1/evaluation/contracts/${open.contractId}/final-task`)
      .set('Authorization', `Bearer ${await token('officer')}`);
    if (made.status !== 200) throw new Error(`final task: ${made.status} ${JSON.stringify(made.body)}`);
    const [agency] = (await t.ds.query(
      "SELECT id FROM organisations WHERE name = '江苏众评社会组织评估中心'",
    )) as Array<{ id: number }>;
    return {
      contract: (await liveContract(t, '畸形输入待评估合同', { status: 'ACTIVE' })).contractId,
      task: made.body.id as number,
      agency: agency.id,
      evaluator: await userId(t.ds, 'evaluator'),
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    routes = registeredRoutes(t);
    schemas = SwaggerModule.createDocument(t.app, new DocumentBuilder().build()).components?.schemas as Record<
      string,
      Schema
    >;
    f = await fixtures();
    // Sessions change only at sign-in: every caller signs in before the first snapshot.
    for (const route of routes) {
      const caller = callerOf(route, BINDINGS[key(route)]?.(f) ?? {});
      if (caller) await token(caller);
    }
  }, 300_000);
  afterAll(() => t.close());

  it('takes its routes from the app: the same write routes as the express router, each declaring its access', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.map(key)).toEqual(expressWriteRoutes(t));
    expect(routes.filter((r) => r.permission === null).map(key)).toEqual([
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/register',
      'POST /api/v1/organisations/register',
    ]);
  });

  it('binds every path parameter to a real record and starts every body from one its DTO accepts', async () => {
    const problems: string[] = [];
    const pipe = createValidationPipe();
    for (const route of routes) {
      const binding = BINDINGS[key(route)]?.(f) ?? {};
      for (const p of route.params) {
        if (binding.params?.[p] === undefined)
          problems.push(
            `${key(route)} (${route.handler}): no record for :${p} — add to BINDINGS in malformed-input.e2e-spec.ts: ` +
              `'${key(route)}': (f) => ({ params: { ${p}: <a real record in the scope of ${callerOf(route, binding) ?? 'anyone'}> } }),`,
          );
      }
      if (route.bodyDto) {
        const body = baseBody(route, binding);
        try {
          await pipe.transform(body, { type: 'body', metatype: route.bodyDto });
        } catch (e) {
          const errors = e instanceof RequestValidationError ? e.fieldErrors : [{ field: '?', message: String(e) }];
          problems.push(
            `${key(route)}: the base body ${JSON.stringify(body).slice(0, 200)} fails ${route.bodyDto.name}: ` +
              `${errors.map((x) => `${x.field}: ${x.message}`).join('; ')} — give the DTO property an @ApiProperty({ example }) ` +
              'or add the field to the route’s body in BINDINGS',
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  function baseBody(route: Route, binding: Binding): Json {
    const schema = schemaOf(route.bodyDto as Type<unknown>, schemas);
    const allOptional = (schema.required ?? []).length === 0;
    const body: Record<string, Json> = {
      ...(synthesize(schema, schemas, allOptional) as Record<string, Json>),
      ...(binding.body as Record<string, Json>),
    };
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    return body;
  }

  async function send(route: Route, caller: string | null, defaultPath: string, p: Probe): Promise<Response> {
    let req = t.http()[route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](p.path ?? defaultPath);
    if (caller) req = req.set('Authorization', `Bearer ${await token(caller)}`);
    for (const [h, v] of Object.entries(p.headers ?? {})) req = req.set(h, v);
    if (p.multipart) return req.attach(p.multipart.field, p.multipart.content, { filename: p.multipart.filename });
    if (p.body === undefined) return req;
    return req
      .set('Content-Type', p.contentType ?? 'application/json')
      .serialize((b: unknown) => b as string)
      .send(p.body as string);
  }

  function verdict(p: Probe, res: Response): string | null {
    const type = String(res.headers['content-type'] ?? '');
    const problem = /^application\/problem\+json/.test(type) && res.body?.status === res.status;
    if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    if (res.status >= 400 && !problem) return `${res.status} not a problem body (${type})`;
    if (p.expect === 'refused' && ![400, 413, 415].includes(res.status))
      return `${res.status} (expected 400/413/415) ${JSON.stringify(res.body).slice(0, 200)}`;
    if (p.expect === 'param' && ![400, 404].includes(res.status))
      return `${res.status} (expected 400/404) ${JSON.stringify(res.body).slice(0, 200)}`;
    return null;
  }

  it('answers every malformed request with a 4xx problem and changes nothing', async () => {
    const failures: string[] = [];
    let before = await digest();
    let sent = 0;
    for (const route of routes) {
      const binding = BINDINGS[key(route)]?.(f) ?? {};
      if (route.params.some((p) => binding.params?.[p] === undefined)) continue; // reported by the test above
      const caller = callerOf(route, binding);
      const path = fill(route.path, binding.params ?? {});
      let probes: Probe[];
      if (route.takesFile) {
        const file = { field: 'file', filename: 'a.pdf', content: PDF };
        probes = [...fileProbes(), ...urlProbes(route, path, binding.params ?? {}, undefined, file)];
      } else if (route.bodyDto) {
        const schema = schemaOf(route.bodyDto, schemas);
        const base = baseBody(route, binding);
        probes = [
          ...bodyProbes(route, base, limitFor(path), (schema.required ?? []).length > 0),
          ...fieldProbes(base, schema, schemas),
          ...urlProbes(route, path, binding.params ?? {}, JSON.stringify(base)),
        ];
      } else {
        probes = [
          ...bodyProbes(route, undefined, limitFor(path), false),
          ...urlProbes(route, path, binding.params ?? {}),
        ];
      }
      // Strict probes first: nothing may change. Lenient ones (null for an optional field, values inside free-form
      // objects) come last: they must not break anything, and if one is accepted the snapshot moves on.
      probes.sort((a, b) => Number(a.expect === 'lenient') - Number(b.expect === 'lenient'));
      let strictDone = false;
      for (const p of probes) {
        if (p.expect === 'lenient' && !strictDone) {
          strictDone = true;
          const now = await digest();
          const moved = changed(before, now);
          if (moved.length > 0) failures.push(`${key(route)}: changed ${moved.join(', ')}`);
          before = now;
        }
        const res = await send(route, caller, path, p);
        sent++;
        const wrong = verdict(p, res);
        if (wrong) failures.push(`${key(route)} as ${caller ?? 'anonymous'}, ${p.label}: ${wrong}`);
        if (p.expect === 'lenient' && res.status < 300) before = await digest();
      }
      const after = await digest();
      const moved = changed(before, after);
      if (moved.length > 0) failures.push(`${key(route)}: changed ${moved.join(', ')}`);
      before = after;
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(3000);
  }, 600_000);

  it('leaves the audit chain verifying', async () => {
    const res = await t
      .http()
      .get('/api/v1/audit/verify')
      .set('Authorization', `Bearer ${await token('auditor')}`);
    expect(res.body).toMatchObject({ ok: true });
  });
});
