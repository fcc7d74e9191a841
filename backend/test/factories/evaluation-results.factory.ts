import { randomUUID } from 'node:crypto';

import { TestApp, userId } from '../support/test-app';
import { contractWithMilestones, PaymentsContract } from './contracts-payments.factory';
import { assignedFinalTask, insertTemplate, TaskFixture } from './evaluation.factory';

/**
 * Evaluation results for the review, objection and publication tests (issue #11 item 5): a FINAL task as the
 * scoring part leaves it — SUBMITTED with its total (rounded and exact) and grade — written directly, so that these
 * tests do not depend on the road to it.
 */
export interface Result {
  score: string;
  grade: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
  /** The exact total ("n/d"); defaults to the rounded score as a fraction of 100. */
  exact?: string;
}

/** The oracle: 84.160377… → 84.16 → 良好 (paid in full). */
export const ORACLE_RESULT: Result = { score: '84.16', grade: 'GOOD', exact: '44605/530' };

export async function markSubmitted(t: TestApp, taskId: number, r: Result): Promise<void> {
  const exact = r.exact ?? `${Math.round(Number(r.score) * 100)}/100`;
  await t.ds.query(
    `UPDATE evaluation_tasks SET status = 'SUBMITTED', total_score = ?, total_exact = ?, grade = ?,
       started_at = COALESCE(started_at, UTC_TIMESTAMP(3)), submitted_at = UTC_TIMESTAMP(3),
       summary = '服务总体达到合同要求。', updated_at = UTC_TIMESTAMP(3)
     WHERE id = ?`,
    [r.score, exact, r.grade, taskId],
  );
}

/** A SUBMITTED final task on `assignedFinalTask`'s live contract (its final milestone still PENDING). */
export async function submittedFinalTask(t: TestApp, title: string, r: Result = ORACLE_RESULT): Promise<TaskFixture> {
  const f = await assignedFinalTask(t, title);
  await markSubmitted(t, f.taskId, r);
  return f;
}

/**
 * A SUBMITTED final task on a contract with money: `contractWithMilestones` (a line, the commitment on it, every
 * milestone ACCEPTED, the final one included, so that publication decides the final tranche at once).
 */
export async function submittedTaskWithMoney(
  t: TestApp,
  r: Result,
  opts: {
    amountFen?: bigint;
    organisationId?: number;
    needIds?: number[];
    regionCode?: string;
    /** Milestones ACCEPTED from the first (default all three). */
    accepted?: number;
  } = {},
): Promise<{ taskId: number; contract: PaymentsContract }> {
  const contract = await contractWithMilestones(t.app, t.ds, {
    amountFen: opts.amountFen ?? 12_345_679n,
    sharesBp: [3000, 4000, 3000],
    accepted: opts.accepted ?? 3,
    organisationId: opts.organisationId,
    needIds: opts.needIds,
    regionCode: opts.regionCode,
  });
  const taskId = await insertSubmittedTask(t, contract, r);
  return { taskId, contract };
}

async function insertSubmittedTask(t: TestApp, c: PaymentsContract, r: Result): Promise<number> {
  const templateId = await insertTemplate(t, { frozen: true });
  const evaluatorId = await userId(t.ds, 'evaluator');
  const [{ organisation_id: agencyId }] = (await t.ds.query('SELECT organisation_id FROM users WHERE id = ?', [
    evaluatorId,
  ])) as Array<{ organisation_id: number }>;
  const [k] = (await t.ds.query('SELECT region_id, region_path FROM contracts WHERE id = ?', [c.contractId])) as Array<{
    region_id: number;
    region_path: string;
  }>;
  const officer = await userId(t.ds, 'officer');
  const res = (await t.ds.query(
    `INSERT INTO evaluation_tasks (code, kind, status, contract_id, project_id, organisation_id, region_id, region_path,
       final_key, template_id, agency_id, evaluator_id, due_at, assigned_by, assigned_at, created_at, updated_at)
     VALUES (?, 'FINAL', 'ASSIGNED', ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?, UTC_TIMESTAMP(3),
       UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      `PG-R-${randomUUID().slice(0, 12)}`,
      c.contractId,
      c.projectId,
      c.organisationId,
      k.region_id,
      k.region_path,
      c.contractId,
      templateId,
      agencyId,
      evaluatorId,
      officer,
    ],
  )) as { insertId: number };
  await markSubmitted(t, res.insertId, r);
  return res.insertId;
}

/** Days pass: the task's objection window has just ended (by the database clock). */
export async function windowPassed(t: TestApp, taskId: number): Promise<void> {
  await t.ds.query('UPDATE evaluation_tasks SET objection_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [
    taskId,
  ]);
}

export async function taskRow(
  t: TestApp,
  taskId: number,
): Promise<{
  status: string;
  objection_due_at: Date | null;
  published_at: Date | null;
  return_comment: string | null;
}> {
  const [row] = (await t.ds.query(
    'SELECT status, objection_due_at, published_at, return_comment FROM evaluation_tasks WHERE id = ?',
    [taskId],
  )) as Array<{
    status: string;
    objection_due_at: Date | null;
    published_at: Date | null;
    return_comment: string | null;
  }>;
  return row;
}

/** A small real PDF, base64 (an objection's attachment). */
export const OBJECTION_PDF = Buffer.from(
  '%PDF-1.4\n% 满意度调查原始记录\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
).toString('base64');
