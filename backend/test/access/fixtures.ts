import { creditCodeCheckChar } from '../../src/modules/organisations/domain/credit-code';
import { TendersService } from '../../src/modules/procurement';
import { contractFixture } from '../factories/contracts-changes.factory';
import { liveContract } from '../factories/contracts-milestones.factory';
import { contractWithMilestones } from '../factories/contracts-payments.factory';
import { heldCustodyAccount } from '../factories/custody.factory';
import { submittedFinalTask } from '../factories/evaluation-results.factory';
import { assignedFinalTask } from '../factories/evaluation.factory';
import { gradingFixtures } from '../factories/grading.factory';
import { categoryIdOfItem, MEAL_ATTRIBUTES, publishedVersionId } from '../factories/needs.factory';
import { failedDelivery } from '../factories/notifications.factory';
import {
  approvedNeed,
  approvedProject,
  bidBody,
  deadlinePassed,
  mealItemId,
  PLAN,
  publishedTender,
  tenderBody,
} from '../factories/procurement.factory';
import { bearer, login, regionId, TestApp, userId } from '../support/test-app';
import { evaluationTaskFixtures } from './evaluation-tasks.fixtures';
import { CONTRACT_BODY } from './route-access';

/** Real records of the first tenant (鼓楼区, 山西路社区, 阳光养老) that the cross-tenant calls of the matrix aim at. */
export type Fixtures = Record<string, number | string>;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
export { PNG };

async function ok<T extends { status: number; body: unknown }>(what: string, res: Promise<T> | T, status = [200, 201]) {
  const r = await res;
  if (!status.includes(r.status)) throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/**
 * Builds them through the API where that is short, and with SQL where the real path is long (an objection needs an
 * award notice: the row is enough for access checks). Runs once, before the matrix; a few seconds.
 */
export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const f: Fixtures = {};
  const as = async (u: string) => bearer(t, u);
  const [admin, officer, finance, worker, resident] = await Promise.all(
    ['admin', 'officer', 'finance', 'worker', 'resident'].map(as),
  );
  const run = Date.now().toString(36);

  f.gulou = await regionId(t.ds, '320106000000');
  f.gulouStreet = await regionId(t.ds, '320106002000');
  f.shanxi = f.gulouCommunity = await regionId(t.ds, '320106002001');
  f.gulouOfficer = await userId(t.ds, 'officer');
  f.catalogueVersion = await publishedVersionId(t.ds);
  f.mealCategory = await categoryIdOfItem(t.ds, 'A0101');
  f.mealItem = await mealItemId(t);
  f.blacklistUntil = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
  const [sunshine] = (await t.ds.query(
    "SELECT id FROM organisations WHERE name = '南京市鼓楼区阳光养老服务中心'",
  )) as Array<{ id: number }>;
  f.sunshine = sunshine.id;

  // an administrator of 玄武区 only (the demo admin is the city's)
  await ok(
    'xw_admin',
    t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        username: 'xw_admin',
        displayName: '玄武区管理员',
        password: 'Diandan@2026',
        roles: ['ADMIN'],
        regionId: await regionId(t.ds, '320102000000'),
      }),
    [201, 409],
  );

  // a registration of 鼓楼区 still under review, with a document
  const first17 = `52320106MJ${run
    .toUpperCase()
    .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
    .slice(-6)
    .padStart(6, '0')}M`;
  const reg = { username: `matrix_org_${run}`, password: 'Matrix@2026-org' };
  const registered = await ok(
    'registration',
    t
      .http()
      .post('/api/v1/organisations/register')
      .send({
        name: `南京市鼓楼区矩阵测试服务中心${run}`,
        kind: 'SOCIAL_ORGANISATION',
        orgType: 'SOCIAL_SERVICE_AGENCY',
        creditCode: first17 + creditCodeCheckChar(first17),
        regionId: f.gulou,
        legalRepresentative: '矩阵',
        contactPhone: '025-83000009',
        serviceRegionIds: [f.gulou],
        username: reg.username,
        displayName: '矩阵',
        password: reg.password,
      }),
  );
  f.pendingOrg = registered.organisationId as number;
  const member = `Bearer ${(await login(t, reg.username, reg.password)).accessToken}`;
  const doc = await ok(
    'document',
    t
      .http()
      .post('/api/v1/my/organisation/documents')
      .set('Authorization', member)
      .send({ kind: 'REGISTRATION_CERTIFICATE', fileName: '登记证书.pdf', contentBase64: PDF.toString('base64') }),
  );
  f.pendingOrgDocument = doc.id as number;

  // a grade proposal of 阳光养老 waiting for 鼓楼区's decision (the row is enough: the access path reads it first)
  const proposal = (await t.ds.query(
    `INSERT INTO organisation_grade_proposals (organisation_id, grade, expires_on, status, proposed_by, proposed_at)
     VALUES (?, 5, '2031-12-31', 'PENDING', ?, UTC_TIMESTAMP(3))`,
    [f.sunshine, await userId(t.ds, 'orgmember')],
  )) as { insertId: number };
  f.sunshineGradeProposal = proposal.insertId;

  // a resident of 山西路社区 waiting for verification
  const [{ password_hash }] = (await t.ds.query(
    "SELECT password_hash FROM users WHERE username = 'resident'",
  )) as Array<{
    password_hash: string;
  }>;
  const shanxiPath = (
    (await t.ds.query('SELECT path FROM regions WHERE id = ?', [f.shanxi])) as Array<{ path: string }>
  )[0].path;
  const unverified = (await t.ds.query(
    `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, region_id, region_path, created_at, updated_at)
     VALUES (?, '待认证居民', NULL, ?, 'ACTIVE', 0, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [`matrix_newcomer_${run}`, password_hash, f.shanxi, shanxiPath],
  )) as { insertId: number };
  await t.ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'RESIDENT')", [unverified.insertId]);
  f.unverifiedResident = unverified.insertId;

  // 山西路社区: an open campaign with needs in each state, an attachment, a merge waiting for consent
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  const campaign = (opensIn: number, closesIn: number) =>
    ok(
      'campaign',
      t
        .http()
        .post('/api/v1/campaigns')
        .set('Authorization', worker)
        .send({
          regionId: f.shanxi,
          title: `矩阵征集${run}${opensIn}`,
          description: '访问矩阵',
          opensAt: inDays(opensIn),
          closesAt: inDays(closesIn),
          supportsPerResident: 3,
          minSupportsToShortlist: 2,
          catalogueVersionId: f.catalogueVersion,
        }),
    );
  f.campaign = (await campaign(-1, 30)).id as number;
  f.draftCampaign = (await campaign(5, 30)).id as number;
  const need = async (title: string) =>
    (
      await ok(
        'need',
        t.http().post('/api/v1/needs').set('Authorization', resident).send({
          campaignId: f.campaign,
          categoryId: f.mealCategory,
          title,
          description: '访问矩阵',
          attributes: MEAL_ATTRIBUTES,
          location: '活动中心',
        }),
      )
    ).id as number;
  const accept = (id: number) => ok('accept', t.http().post(`/api/v1/needs/${id}/accept`).set('Authorization', worker));
  f.acceptedNeed = await need('矩阵：已受理');
  await accept(f.acceptedNeed);
  f.submittedNeed = await need('矩阵：待审核');
  f.rejectedNeed = await need('矩阵：未通过');
  await ok(
    'reject',
    t
      .http()
      .post(`/api/v1/needs/${f.rejectedNeed}/reject`)
      .set('Authorization', worker)
      .send({ reason: 'INSUFFICIENT_INFO', note: '请补充' }),
  );
  const attachment = await ok(
    'attachment',
    t
      .http()
      .post(`/api/v1/needs/${f.acceptedNeed}/attachments`)
      .set('Authorization', resident)
      .attach('file', PNG, '照片.png'),
  );
  f.attachment = attachment.id as number;
  const mergeSource = await need('矩阵：重复');
  const mergeTarget = await need('矩阵：合并到');
  await accept(mergeSource);
  await accept(mergeTarget);
  await ok('support', t.http().post(`/api/v1/needs/${mergeSource}/support`).set('Authorization', resident));
  await ok(
    'merge',
    t
      .http()
      .post(`/api/v1/needs/${mergeSource}/merge`)
      .set('Authorization', worker)
      .send({ targetNeedId: mergeTarget }),
  );
  const [transfer] = (await t.ds.query(
    "SELECT id FROM support_transfers WHERE source_need_id = ? AND user_id = ? AND status = 'PENDING'",
    [mergeSource, await userId(t.ds, 'resident')],
  )) as Array<{ id: number }>;
  f.transfer = transfer.id;
  const [message] = (await t.ds.query('SELECT id FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT 1', [
    await userId(t.ds, 'resident'),
  ])) as Array<{ id: string }>;
  f.residentMessage = String(message.id);
  // a failed e-mail to 鼓楼区's officer: 玄武区's administrator neither lists nor retries it
  f.gulouDelivery = await failedDelivery(t.ds, 'officer');

  // 鼓楼区 funds: an active line with its ledger entry and a pending adjustment, and a line waiting for approval
  const line = async (title: string) =>
    (
      await ok(
        'line',
        t
          .http()
          .post('/api/v1/funds/lines')
          .set('Authorization', officer)
          .send({ year: 2026, regionId: f.gulou, source: 'DISTRICT_FINANCE', title, amount: '50000.00' }),
      )
    ).id as number;
  f.gulouLine = await line(`矩阵指标${run}`);
  await ok(
    'approve line',
    t.http().post(`/api/v1/funds/lines/${f.gulouLine}/approve`).set('Authorization', finance).send({}),
  );
  f.pendingLine = await line(`矩阵待批指标${run}`);
  const adjustment = await ok(
    'adjustment',
    t
      .http()
      .post(`/api/v1/funds/lines/${f.gulouLine}/adjustments`)
      .set('Authorization', officer)
      .send({ delta: '100.00', reason: '矩阵调整' }),
  );
  f.adjustment = adjustment.id as number;
  const [entry] = (await t.ds.query('SELECT id FROM ledger_entries WHERE line_id = ? ORDER BY id LIMIT 1', [
    f.gulouLine,
  ])) as Array<{ id: string }>;
  f.ledgerEntry = String(entry.id);

  // 鼓楼区 procurement: projects in each state, tenders draft / published (with a question) / opened (with a bid)
  f.approvedNeed = await approvedNeed(t, `矩阵：已通过${run}`);
  const project = async (title: string) =>
    (
      await ok(
        'project',
        t
          .http()
          .post('/api/v1/projects')
          .set('Authorization', officer)
          .send({
            title,
            regionId: f.shanxi,
            catalogueItemId: f.mealItem,
            needIds: [await approvedNeed(t, `${title}需求`)],
            quantity: 8,
            unitPrice: '12.50',
            budgetLineId: f.gulouLine,
            plan: { ...PLAN, budget: [{ item: '餐费', amount: '100.00' }] },
          }),
      )
    ).id as number;
  f.draftProject = await project('矩阵草稿项目');
  f.submittedProject = await project('矩阵待批项目');
  await ok('submit', t.http().post(`/api/v1/projects/${f.submittedProject}/submit`).set('Authorization', officer));
  f.gulouProject = await approvedProject(t, '矩阵项目');
  const draftTender = await ok(
    'tender',
    t.http().post('/api/v1/tenders').set('Authorization', officer).send(tenderBody(f.gulouProject)),
  );
  f.draftTender = draftTender.id as number;

  const orgmember = await as('orgmember');
  f.openTender = await publishedTender(t, '矩阵公告');
  const question = await ok(
    'question',
    t
      .http()
      .post(`/api/v1/tenders/${f.openTender}/questions`)
      .set('Authorization', orgmember)
      .send({ question: '服务时间能否调整？' }),
  );
  f.question = (question as unknown as Array<{ id: number; status: string }>).find((n) => n.status === 'ASKED')
    ?.id as number;

  f.openedTender = await publishedTender(t, '矩阵开标');
  const bid = await ok(
    'bid',
    t.http().put(`/api/v1/tenders/${f.openedTender}/my-bid`).set('Authorization', orgmember).send(bidBody('9000.00')),
  );
  f.openedBid = bid.bidId as string;
  const [document] = (await t.ds.query('SELECT id FROM bid_documents WHERE bid_id = ?', [f.openedBid])) as Array<{
    id: string;
  }>;
  f.openedBidDocument = document.id;
  await deadlinePassed(t, f.openedTender);
  await t.app.get(TendersService).deadlineTick(f.openedTender); // opens it (one bid: it fails, 流标)
  const opened = (await t.ds.query('SELECT opened_at FROM tenders WHERE id = ?', [f.openedTender])) as Array<{
    opened_at: Date | null;
  }>;
  if (opened[0].opened_at === null) throw new Error('fixture opened tender: not opened');
  const objection = (await t.ds.query(
    `INSERT INTO objections (tender_id, organisation_id, filed_by, grounds, status, filed_at, answer_due_at)
     VALUES (?, ?, ?, '矩阵质疑', 'FILED', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 7 DAY)`,
    [f.openedTender, f.sunshine, await userId(t.ds, 'orgmember')],
  )) as { insertId: number };
  f.objection = objection.insertId;

  // a signed contract of 山西路社区 with one change order waiting for finance (change orders and termination)
  const contract = await contractFixture(t, '矩阵合同');
  f.changeContract = contract.contractId;
  const changeOrder = await ok(
    'change order',
    t
      .http()
      .post(`/api/v1/contracts/${contract.contractId}/change-orders`)
      .set('Authorization', officer)
      .send({
        scope: '矩阵追加服务',
        amount: '100.00',
        reason: '矩阵测试',
        milestoneTitle: '矩阵里程碑',
        milestoneDueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      }),
  );
  f.changeOrder = changeOrder.id as number;
  // 鼓楼区 contract as signing leaves it (SIGNED), with its milestones and a photo of the first one
  const live = await liveContract(t, '矩阵合同');
  f.gulouContract = live.contractId;
  f.gulouMilestone = live.milestoneIds[0];
  const evidence = await ok(
    'evidence',
    t
      .http()
      .post(`/api/v1/contracts/${live.contractId}/milestones/${live.milestoneIds[0]}/evidence`)
      .set('Authorization', orgmember)
      .send({ kind: 'PHOTO', fileName: '矩阵.png', contentBase64: PNG.toString('base64') }),
  );
  f.gulouEvidence = evidence.id as number;
  // payments (contracts of 阳光养老 in 鼓楼区): an accepted milestone without a request, a request waiting for the
  // officer, one waiting for finance
  const pc = await contractWithMilestones(t.app, t.ds, {
    amountFen: 900_000n,
    sharesBp: [3000, 3000, 4000],
    accepted: 2,
    label: `matrix-${run}`,
  });
  f.paymentContract = pc.contractId;
  f.paymentMilestone = pc.milestoneIds[1];
  const pay = (i: number) =>
    ok(
      'payment request',
      t
        .http()
        .post(`/api/v1/contracts/${pc.contractId}/milestones/${pc.milestoneIds[i]}/payment-request`)
        .set('Authorization', orgmember),
    );
  f.paymentRequest = (await pay(0)).id as number;
  const pc2 = await contractWithMilestones(t.app, t.ds, {
    amountFen: 900_000n,
    sharesBp: [5000, 5000],
    accepted: 1,
    label: `matrix2-${run}`,
  });
  const approved = await ok(
    'payment request',
    t
      .http()
      .post(`/api/v1/contracts/${pc2.contractId}/milestones/${pc2.milestoneIds[0]}/payment-request`)
      .set('Authorization', orgmember),
  );
  await ok(
    'approve',
    t
      .http()
      .post(`/api/v1/payment-requests/${approved.id as number}/approve`)
      .set('Authorization', officer),
  );
  f.approvedPaymentRequest = approved.id as number;
  // a bid deposit of 阳光养老 held for a 鼓楼区 tender, returnable (finance of 鼓楼区 may refund it)
  f.gulouDeposit = await heldCustodyAccount(t.ds, {
    tenderId: f.openedTender,
    organisationId: f.sunshine as number,
    returnable: true,
  });
  // 合同 (issue #10): a DRAFT contract of 鼓楼 with 阳光养老 (orgmember), written directly (a fixture shortcut: the
  // award path is contracts.e2e-spec.ts), and a member of 阳光养老 for the signing-rights route.
  const [p] = (await t.ds.query('SELECT project_id FROM tenders WHERE id = ?', [f.openedTender])) as Array<{
    project_id: number;
  }>;
  const [proj] = (await t.ds.query('SELECT region_id, region_path, budget_line_id FROM projects WHERE id = ?', [
    p.project_id,
  ])) as Array<{ region_id: number; region_path: string; budget_line_id: number }>;
  const draft = (await t.ds.query(
    `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
       organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
       payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '矩阵合同', 'DRAFT', 900000, 0, ?, '2030-01-01', '2030-12-31', 12, 30, 500, 45000,
       UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 30 DAY, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      `HT-M-${run}`.slice(0, 32),
      p.project_id,
      f.openedTender,
      f.openedBid,
      proj.region_id,
      proj.region_path,
      proj.budget_line_id,
      f.sunshine,
      JSON.stringify(CONTRACT_BODY.content),
    ],
  )) as { insertId: number };
  f.draftContract = draft.insertId;
  await t.ds.query(
    `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen,
       is_final, status, created_at, updated_at)
     VALUES (?, 1, '结项', '结项报告', '2030-12-31', '2030-12-31 16:00:00', 10000, 900000, 1, 'PENDING',
       UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [f.draftContract],
  );
  f.sunshineMember = await userId(t.ds, 'orgmember');
  await evaluationTaskFixtures(t, f, officer, run); // 第三方验单 (issue #11): tasks and batches
  // 验单 (issue #11): a FINAL task of a 鼓楼区 contract ASSIGNED to the demo evaluator, with a document, and a second
  // evaluator of the same agency (江苏众评) who is not assigned to it
  const evaluation = await assignedFinalTask(t, '矩阵评估合同');
  f.evaluationTask = evaluation.taskId;
  const evaluationEvidence = await ok(
    'evaluation evidence',
    t
      .http()
      .post(`/api/v1/evaluation/tasks/${evaluation.taskId}/evidence`)
      .set('Authorization', await as('evaluator'))
      .send({ kind: 'DOCUMENT', leafKeys: ['D1'], fileName: '矩阵.png', contentBase64: PNG.toString('base64') }),
  );
  f.evaluationEvidence = evaluationEvidence.id as number;
  const [evaluatorRow] = (await t.ds.query("SELECT * FROM users WHERE username = 'evaluator'")) as Array<
    Record<string, unknown>
  >;
  const copy: Record<string, unknown> = { ...evaluatorRow, username: 'matrix_evaluator', display_name: '矩阵评估员' };
  delete copy.id;
  for (const k of ['phone', 'email']) if (k in copy) copy[k] = null;
  const cols = Object.keys(copy);
  const other = (await t.ds.query(
    `INSERT IGNORE INTO users (${cols.map((c) => `\`${c}\``).join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
    cols.map((c) => copy[c]),
  )) as { insertId: number };
  if (other.insertId)
    await t.ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'EVALUATOR')", [other.insertId]);
  // 满意度调查 (issue #11): an open survey of a 山西路社区 project served by 阳光养老, with a recorded beneficiary
  const surveyed = await liveContract(t, '矩阵调查项目', { status: 'ACTIVE' });
  f.surveyProject = surveyed.projectId;
  await ok(
    'survey',
    t.http().post(`/api/v1/evaluation/projects/${surveyed.projectId}/survey`).set('Authorization', officer).send({}),
  );
  await ok(
    'survey beneficiary',
    t
      .http()
      .post(`/api/v1/evaluation/projects/${surveyed.projectId}/beneficiaries`)
      .set('Authorization', officer)
      .send({ resident: 'resident3' }),
  );
  f.surveyResident = await userId(t.ds, 'resident3');

  // 评估结果 (issue #11 item 5): a SUBMITTED final task of 阳光养老 in 鼓楼 (to confirm or return), and a CONFIRMED one
  // whose window is open, with an objection of 阳光养老 waiting for the officer and its file
  f.submittedEvalTask = (await submittedFinalTask(t, '矩阵待确认评估')).taskId;
  const confirmed = await submittedFinalTask(t, '矩阵已确认评估');
  f.evalResult = confirmed.taskId;
  await ok(
    'confirm evaluation',
    t.http().post(`/api/v1/evaluation/tasks/${f.evalResult}/confirm`).set('Authorization', officer),
  );
  const evalObjection = await ok(
    'evaluation objection',
    t
      .http()
      .post(`/api/v1/evaluation/tasks/${f.evalResult}/objections`)
      .set('Authorization', await as('orgmember'))
      .send({
        reasons: '矩阵测试：满意度调查样本不足。',
        attachments: [{ fileName: '矩阵.pdf', contentBase64: PDF.toString('base64') }],
      }),
  );
  f.evalObjection = evalObjection.id as number;
  f.evalObjectionFile = (evalObjection.files as Array<{ id: number }>)[0].id;

  // 等级评估 (issue #11): an organisation of 鼓楼 (its member matrix_grading) with a decided assessment and one in
  // progress, and another organisation's submitted assessment
  Object.assign(f, await gradingFixtures(t, 'matrix'));
  return f;
}
