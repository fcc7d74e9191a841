import { EntityManager } from 'typeorm';

/**
 * Reads of other contexts' rows that the result pages and publication need, by id sets, in one place: names and
 * codes (projects, contracts, organisations, users), the final tranche a result decided (payment_requests, by its
 * evaluation reference), the bar it caused (organisation_bars), the final milestone's status and the needs'
 * statuses. Plain SQL on purpose: read-only joins, no entity of another context.
 */
export interface ResultNames {
  projectTitle: string;
  contractCode: string;
  organisationName: string;
  agencyName: string | null;
  evaluatorName: string | null;
}

export async function resultNames(em: EntityManager, taskIds: number[]): Promise<Map<number, ResultNames>> {
  const out = new Map<number, ResultNames>();
  if (taskIds.length === 0) return out;
  const rows = (await em.query(
    `SELECT t.id, p.title AS project_title, c.code AS contract_code, o.name AS organisation_name,
            a.name AS agency_name, u.display_name AS evaluator_name
       FROM evaluation_tasks t
       JOIN projects p ON p.id = t.project_id
       JOIN contracts c ON c.id = t.contract_id
       JOIN organisations o ON o.id = t.organisation_id
       LEFT JOIN organisations a ON a.id = t.agency_id
       LEFT JOIN users u ON u.id = t.evaluator_id
      WHERE t.id IN (${taskIds.map(() => '?').join(',')})`,
    taskIds,
  )) as Array<{
    id: number;
    project_title: string;
    contract_code: string;
    organisation_name: string;
    agency_name: string | null;
    evaluator_name: string | null;
  }>;
  for (const r of rows)
    out.set(r.id, {
      projectTitle: r.project_title,
      contractCode: r.contract_code,
      organisationName: r.organisation_name,
      agencyName: r.agency_name,
      evaluatorName: r.evaluator_name,
    });
  return out;
}

export interface TrancheRow {
  outcome: 'FULL' | 'REDUCED' | 'WITHHELD';
  trancheFen: string;
  amountFen: string;
  releasedFen: string;
  status: string;
}

/** The final tranche each result decided (by the reference `evaluation_task/<id>` on the payment request). */
export async function finalTranches(em: EntityManager, refs: Map<string, number>): Promise<Map<number, TrancheRow>> {
  const out = new Map<number, TrancheRow>();
  if (refs.size === 0) return out;
  const keys = [...refs.keys()];
  const rows = (await em.query(
    `SELECT evaluation_ref, final_outcome, tranche_fen, amount_fen, released_fen, status FROM payment_requests
      WHERE evaluation_ref IN (${keys.map(() => '?').join(',')}) AND final_outcome IS NOT NULL`,
    keys,
  )) as Array<{
    evaluation_ref: string;
    final_outcome: TrancheRow['outcome'];
    tranche_fen: string;
    amount_fen: string;
    released_fen: string;
    status: string;
  }>;
  for (const r of rows) {
    const id = refs.get(r.evaluation_ref);
    if (id !== undefined)
      out.set(id, {
        outcome: r.final_outcome,
        trancheFen: String(r.tranche_fen),
        amountFen: String(r.amount_fen),
        releasedFen: String(r.released_fen),
        status: r.status,
      });
  }
  return out;
}

/** The bar from bidding each (failed) result caused. */
export async function barsOfTasks(
  em: EntityManager,
  taskIds: number[],
): Promise<Map<number, { regionName: string; untilDate: string }>> {
  const out = new Map<number, { regionName: string; untilDate: string }>();
  if (taskIds.length === 0) return out;
  const rows = (await em.query(
    `SELECT b.source_id, r.name AS region_name, DATE_FORMAT(b.until_date, '%Y-%m-%d') AS until_date
       FROM organisation_bars b JOIN regions r ON r.id = b.region_id
      WHERE b.source_type = 'evaluation_task' AND b.source_id IN (${taskIds.map(() => '?').join(',')})`,
    taskIds,
  )) as Array<{ source_id: number; region_name: string; until_date: string }>;
  for (const r of rows) out.set(r.source_id, { regionName: r.region_name, untilDate: r.until_date });
  return out;
}

/** The status of the contract's final milestone (null when it has none). */
export async function finalMilestoneStatus(em: EntityManager, contractId: number): Promise<string | null> {
  const rows = (await em.query('SELECT status FROM contract_milestones WHERE contract_id = ? AND is_final = 1', [
    contractId,
  ])) as Array<{ status: string }>;
  return rows[0]?.status ?? null;
}

export async function projectFacts(
  em: EntityManager,
  projectId: number,
): Promise<{ title: string; status: string } | null> {
  const rows = (await em.query('SELECT title, status FROM projects WHERE id = ?', [projectId])) as Array<{
    title: string;
    status: string;
  }>;
  return rows[0] ?? null;
}

export async function needStatuses(em: EntityManager, needIds: number[]): Promise<Map<number, string>> {
  if (needIds.length === 0) return new Map();
  const rows = (await em.query(`SELECT id, status FROM needs WHERE id IN (${needIds.map(() => '?').join(',')})`, [
    ...needIds,
  ])) as Array<{ id: number; status: string }>;
  return new Map(rows.map((r) => [r.id, r.status]));
}
