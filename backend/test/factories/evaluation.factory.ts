import { randomUUID } from 'node:crypto';

import type { IndicatorNode, IndicatorTree } from '../../src/modules/evaluation/domain/indicator-tree';
import { TestApp, userId } from '../support/test-app';
import { ContractFixture, liveContract, MilestoneSpec } from './contracts-milestones.factory';

/**
 * Evaluation fixtures (issue #11). The tree of the oracle (决策 15 / 过程 25 / 产出 35 / 效益 25, with the
 * computed beneficiaries, milestones-on-time and satisfaction leaves), a template row holding it, and a FINAL
 * task on a live contract assigned to the demo agency (江苏众评) and its evaluator — inserted directly, so that
 * the tests of scoring, surveys and publication do not depend on the road to them.
 */
const guide = (points: string) => [
  { label: '好', from: points, to: points, description: '完全达到要求' },
  { label: '一般', from: '0', to: points, description: '部分达到要求' },
];
const manual = (key: string, name: string, points: string): IndicatorNode => ({
  key,
  name,
  points,
  kind: 'MANUAL',
  guide: guide(points),
});
const computed = (key: string, name: string, points: string, c: IndicatorNode['computed']): IndicatorNode => ({
  key,
  name,
  points,
  kind: 'COMPUTED',
  computed: c,
});

export const ORACLE_TREE: IndicatorTree = {
  total: '100',
  nodes: [
    {
      key: 'D',
      name: '决策',
      points: '15',
      children: [manual('D1', '项目立项', '5'), manual('D2', '绩效目标', '5'), manual('D3', '资金投入', '5')],
    },
    {
      key: 'P',
      name: '过程',
      points: '25',
      children: [manual('P1', '资金管理', '10'), manual('P2', '组织实施', '15')],
    },
    {
      key: 'O',
      name: '产出',
      points: '35',
      children: [
        {
          key: 'OQ',
          name: '产出数量',
          points: '15',
          children: [computed('O1', '服务对象覆盖率', '15', 'BENEFICIARIES_SERVED')],
        },
        { key: 'OL', name: '产出质量', points: '10', children: [manual('O2', '服务质量达标', '10')] },
        {
          key: 'OT',
          name: '产出时效',
          points: '10',
          children: [computed('O3', '里程碑按时完成率', '10', 'MILESTONES_ON_TIME')],
        },
      ],
    },
    {
      key: 'E',
      name: '效益',
      points: '25',
      children: [manual('E1', '社会效益', '10'), computed('E2', '服务对象满意度', '15', 'SATISFACTION')],
    },
  ],
};

/** Inserts an ACTIVE project template (frozen when `frozen`), returns its id. */
export async function insertTemplate(
  t: TestApp,
  opts: { tree?: IndicatorTree; code?: string; frozen?: boolean; purpose?: 'PROJECT' | 'ORGANISATION_GRADE' } = {},
): Promise<number> {
  const tree = opts.tree ?? ORACLE_TREE;
  const res = (await t.ds.query(
    `INSERT INTO evaluation_templates (code, version, name, purpose, status, total_points, tree, frozen_at, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'ACTIVE', ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      opts.code ?? `T-${randomUUID().slice(0, 8)}`,
      '测试指标体系',
      opts.purpose ?? 'PROJECT',
      tree.total,
      JSON.stringify(tree),
      opts.frozen ? new Date() : null,
    ],
  )) as { insertId: number };
  return res.insertId;
}

export interface TaskFixture extends ContractFixture {
  taskId: number;
  templateId: number;
  agencyId: number;
  evaluatorId: number;
}

/** A live contract with a FINAL task ASSIGNED to the demo agency and `evaluator`, due in 30 days. */
export async function assignedFinalTask(
  t: TestApp,
  title: string,
  opts: {
    milestones?: MilestoneSpec[];
    amountFen?: string;
    templateId?: number;
    status?: 'ASSIGNED' | 'OPEN';
    evaluator?: string;
  } = {},
): Promise<TaskFixture> {
  const c = await liveContract(t, title, { status: 'ACTIVE', milestones: opts.milestones, amountFen: opts.amountFen });
  const templateId = opts.templateId ?? (await insertTemplate(t, { frozen: true }));
  const evaluatorId = await userId(t.ds, opts.evaluator ?? 'evaluator');
  const [{ organisation_id: agencyId }] = (await t.ds.query('SELECT organisation_id FROM users WHERE id = ?', [
    evaluatorId,
  ])) as Array<{ organisation_id: number }>;
  const [k] = (await t.ds.query('SELECT region_id, region_path FROM contracts WHERE id = ?', [c.contractId])) as Array<{
    region_id: number;
    region_path: string;
  }>;
  const status = opts.status ?? 'ASSIGNED';
  const assigned = status === 'ASSIGNED';
  const officer = await userId(t.ds, 'officer');
  const res = (await t.ds.query(
    `INSERT INTO evaluation_tasks (code, kind, status, contract_id, project_id, organisation_id, region_id, region_path,
       final_key, template_id, agency_id, evaluator_id, due_at, assigned_by, assigned_at, created_at, updated_at)
     VALUES (?, 'FINAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      `PG-T-${randomUUID().slice(0, 12)}`,
      status,
      c.contractId,
      c.projectId,
      c.organisationId,
      k.region_id,
      k.region_path,
      c.contractId,
      templateId,
      assigned ? agencyId : null,
      assigned ? evaluatorId : null,
      assigned ? officer : null,
      assigned ? new Date() : null,
    ],
  )) as { insertId: number };
  return { ...c, taskId: res.insertId, templateId, agencyId, evaluatorId };
}
