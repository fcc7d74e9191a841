import { randomBytes } from 'node:crypto';

import { liveContract } from '../factories/contracts-milestones.factory';
import { insertTemplate } from '../factories/evaluation.factory';
import { TestApp, userId } from '../support/test-app';
import type { Fixtures } from './fixtures';

/**
 * Evaluation tasks of 鼓楼区 for the matrix (issue #11 item 2): an OPEN final task of a live contract of 阳光养老
 * (made by the officer's route, with an active template), and a sampling batch of 鼓楼区 (the row is enough for
 * access checks: a real draw would give every live contract of the run a mid-term task).
 */
export async function evaluationTaskFixtures(t: TestApp, f: Fixtures, officer: string, run: string): Promise<void> {
  await insertTemplate(t, { code: `TM-${run}`.slice(0, 32) });
  const c = await liveContract(t, '矩阵评估合同', { status: 'ACTIVE' });
  f.evalContract = c.contractId;
  const made = await t
    .http()
    .post(`/api/v1/evaluation/contracts/${c.contractId}/final-task`)
    .set('Authorization', officer);
  if (made.status !== 200) throw new Error(`fixture final task: ${made.status} ${JSON.stringify(made.body)}`);
  f.gulouEvalTask = made.body.id as number;
  const [gulou] = (await t.ds.query("SELECT id, path FROM regions WHERE code = '320106000000'")) as Array<{
    id: number;
    path: string;
  }>;
  const batch = (await t.ds.query(
    `INSERT INTO evaluation_batches (name, region_id, region_path, sample_bp, seed, candidates, drawn, candidate_count,
       drawn_count, due_at, created_by, created_at)
     VALUES ('矩阵抽查批次', ?, ?, 3000, ?, '[]', '[]', 1, 1, UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?, UTC_TIMESTAMP(3))`,
    [gulou.id, gulou.path, randomBytes(32).toString('hex'), await userId(t.ds, 'officer')],
  )) as { insertId: number };
  f.gulouBatch = batch.insertId;
  const [agency] = (await t.ds.query("SELECT id FROM organisations WHERE name = '江苏众评社会组织评估中心'")) as Array<{
    id: number;
  }>;
  f.zhongping = agency.id;
  f.evaluatorUser = await userId(t.ds, 'evaluator');
}
