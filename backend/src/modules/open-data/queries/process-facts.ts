import { EntityManager } from 'typeorm';

import type { ContractStatusCode, TenderMethodCode, TenderStatusCode } from '../domain/ocds-codes';
import type {
  ContractFacts,
  OrganisationFacts,
  PlaceFacts,
  ProcessFacts,
  TenderFacts,
} from '../domain/release-builder';

/**
 * The public facts of one contracting process, read with the caller's EntityManager (inside the transaction of the
 * change, so the release sees what that transaction wrote). Hand-written SQL over the other contexts' tables, read
 * only: this context depends on nobody's module, so that procurement, contracts and evaluation can call it.
 *
 * What is selected is what may be published: no bank columns, no phone numbers, no users, no bid prices but the
 * winner's, and the tenderers only once the bids are opened.
 */

const PURCHASER_SUFFIX: Readonly<Record<string, string>> = {
  CITY: '民政局',
  DISTRICT: '民政局',
  STREET: '街道办事处',
  COMMUNITY: '社区居民委员会',
};

type Row = Record<string, unknown>;

async function place(em: EntityManager, regionId: number, cache: Map<number, PlaceFacts>): Promise<PlaceFacts> {
  const hit = cache.get(regionId);
  if (hit) return hit;
  const [r] = (await em.query('SELECT code, path FROM regions WHERE id = ?', [regionId])) as Array<{
    code: string;
    path: string;
  }>;
  const ids = r.path
    .split('/')
    .filter((x) => x !== '')
    .map(Number);
  const rows = (await em.query(
    `SELECT id, name FROM regions WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  )) as Array<{
    id: number;
    name: string;
  }>;
  const names = ids.map((id) => rows.find((x) => x.id === id)?.name ?? '');
  const p = { names, code: r.code };
  cache.set(regionId, p);
  return p;
}

async function organisations(
  em: EntityManager,
  ids: number[],
  cache: Map<number, PlaceFacts>,
): Promise<Map<number, OrganisationFacts>> {
  const out = new Map<number, OrganisationFacts>();
  if (ids.length === 0) return out;
  const rows = (await em.query(
    `SELECT id, name, credit_code, region_id FROM organisations WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  )) as Array<{ id: number; name: string; credit_code: string; region_id: number }>;
  for (const o of rows)
    out.set(o.id, { id: o.id, name: o.name, creditCode: o.credit_code, place: await place(em, o.region_id, cache) });
  return out;
}

function parseJson<T>(text: unknown, fallback: T): T {
  try {
    return typeof text === 'string' ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Null when the project does not exist. */
export async function processFacts(
  em: EntityManager,
  ocid: string,
  projectId: number,
  earlierAwardIds: string[],
): Promise<ProcessFacts | null> {
  const cache = new Map<number, PlaceFacts>();
  const [p] = (await em.query(
    `SELECT p.id, p.title, p.status, p.region_id, p.item_code, p.quantity, p.unit_price_fen, p.estimated_fen, p.plan,
            p.decided_at, p.budget_line_id, i.name AS item_name, i.unit AS item_unit,
            l.title AS line_title, l.year AS line_year, l.source AS line_source, l.region_id AS line_region_id,
            lr.name AS line_region_name, lr.level AS line_region_level,
            (SELECT COUNT(*) FROM project_needs pn WHERE pn.project_id = p.id) AS need_count
       FROM projects p
       JOIN catalogue_items i ON i.id = p.catalogue_item_id
       JOIN budget_lines l ON l.id = p.budget_line_id
       JOIN regions lr ON lr.id = l.region_id
      WHERE p.id = ?`,
    [projectId],
  )) as Row[];
  if (!p) return null;
  const plan = parseJson<{ objectives?: unknown }>(p.plan, {});
  const objectives = Array.isArray(plan.objectives)
    ? plan.objectives.filter((x): x is string => typeof x === 'string')
    : [];
  // approval: the SUBMITTED → APPROVED decision (a later failed tender sends the project back to APPROVED without one)
  const approvedAt =
    p.decided_at instanceof Date && p.status !== 'DRAFT' && p.status !== 'SUBMITTED' ? p.decided_at : null;

  const [t] = (await em.query(
    `SELECT id, title, description, method, status, min_grade, scoring_method, price_weight_pct, criteria, max_price_fen,
            published_at, bid_deadline, opened_at, award_notice_at, awarded_at, evaluation_round, winner_bid_id
       FROM tenders WHERE project_id = ? AND published_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
    [projectId],
  )) as Row[];
  let tender: TenderFacts | null = null;
  if (t) {
    const status = t.status as TenderStatusCode;
    const tenderId = Number(t.id);
    const notices = (await em.query(
      `SELECT id, kind, body, published_at, deadline_before, deadline_after FROM tender_notices
        WHERE tender_id = ? AND status = 'PUBLISHED' ORDER BY id`,
      [tenderId],
    )) as Row[];
    const opened =
      t.opened_at !== null &&
      ['OPENED', 'EVALUATING', 'RECOMMENDED', 'AWARD_NOTICE', 'AWARDED', 'FAILED'].includes(status);
    // the sealed rule: who bid is read only after the opening, and never the price of a bid that did not win
    const tendererIds = opened
      ? (
          (await em.query(
            `SELECT DISTINCT organisation_id FROM bids WHERE tender_id = ? AND status NOT IN ('REPLACED', 'WITHDRAWN')
              ORDER BY organisation_id`,
            [tenderId],
          )) as Array<{ organisation_id: number }>
        ).map((r) => r.organisation_id)
      : [];
    let winner: TenderFacts['winner'] = null;
    let winnerOrgId: number | null = null;
    let winnerPrice: string | null = null;
    if (t.award_notice_at !== null && t.winner_bid_id !== null) {
      const [w] = (await em.query('SELECT organisation_id, price_fen FROM bids WHERE id = ?', [
        t.winner_bid_id,
      ])) as Array<{
        organisation_id: number;
        price_fen: string;
      }>;
      if (w) {
        winnerOrgId = w.organisation_id;
        winnerPrice = String(w.price_fen);
      }
    }
    const orgs = await organisations(em, [...new Set([...tendererIds, ...(winnerOrgId ? [winnerOrgId] : [])])], cache);
    if (winnerOrgId !== null && winnerPrice !== null)
      winner = { priceFen: winnerPrice, organisation: orgs.get(winnerOrgId) as OrganisationFacts };
    tender = {
      id: tenderId,
      title: String(t.title),
      description: String(t.description),
      method: t.method as TenderMethodCode,
      status,
      minGrade: t.min_grade === null ? null : Number(t.min_grade),
      scoringMethod: t.scoring_method as 'COMPREHENSIVE' | 'LOWEST_PRICE',
      priceWeightPct: Number(t.price_weight_pct),
      criteria: parseJson<Array<{ name: string; maxCents: number }>>(t.criteria, []).map((c) => ({
        name: String(c.name),
        maxCents: Number(c.maxCents),
      })),
      maxPriceFen: String(t.max_price_fen),
      publishedAt: t.published_at as Date | null,
      bidDeadline: t.bid_deadline as Date,
      openedAt: opened ? (t.opened_at as Date) : null,
      awardNoticeAt: t.award_notice_at as Date | null,
      awardedAt: t.awarded_at as Date | null,
      evaluationRound: Number(t.evaluation_round),
      hasClarifications: notices.some((n) => n.kind === 'CLARIFICATION'),
      amendments: notices
        .filter((n) => n.kind === 'AMENDMENT' && n.published_at !== null)
        .map((n) => ({
          id: Number(n.id),
          publishedAt: n.published_at as Date,
          body: String(n.body ?? ''),
          deadlineBefore: n.deadline_before as Date | null,
          deadlineAfter: n.deadline_after as Date | null,
        })),
      tenderers: tendererIds.map((id) => orgs.get(id) as OrganisationFacts).filter((o) => o !== undefined),
      winner,
    };
  }

  const contract = tender === null ? null : await contractFacts(em, tender.id, cache);
  return {
    ocid,
    project: {
      id: Number(p.id),
      title: String(p.title),
      status: String(p.status),
      itemCode: String(p.item_code),
      itemName: String(p.item_name),
      itemUnit: String(p.item_unit),
      quantity: Number(p.quantity),
      unitPriceFen: String(p.unit_price_fen),
      estimatedFen: String(p.estimated_fen),
      approvedAt,
      needCount: Number(p.need_count),
      objectives,
      place: await place(em, Number(p.region_id), cache),
    },
    budget: {
      lineId: Number(p.budget_line_id),
      title: String(p.line_title),
      year: Number(p.line_year),
      source: String(p.line_source),
    },
    buyer: {
      name: `${String(p.line_region_name)}${PURCHASER_SUFFIX[String(p.line_region_level)] ?? '民政局'}`,
      place: await place(em, Number(p.line_region_id), cache),
    },
    tender,
    contract,
    earlierAwardIds,
  };
}

async function contractFacts(
  em: EntityManager,
  tenderId: number,
  cache: Map<number, PlaceFacts>,
): Promise<ContractFacts | null> {
  const [c] = (await em.query(
    `SELECT c.id, c.code, c.tender_id, c.title, c.status, c.amount_fen, c.changes_fen, c.term_start, c.term_end,
            c.signed_at, c.published_at, c.terminated_at, c.termination_kind, c.completed_at, c.organisation_id,
            c.winner_bid_id, t.evaluation_round
       FROM contracts c JOIN tenders t ON t.id = c.tender_id WHERE c.tender_id = ?`,
    [tenderId],
  )) as Row[];
  if (!c) return null;
  const id = Number(c.id);
  const orgs = await organisations(em, [Number(c.organisation_id)], cache);
  const milestones = (await em.query(
    `SELECT id, seq, title, due_at, share_bp, status, overdue_at, accepted_at, updated_at
       FROM contract_milestones WHERE contract_id = ? ORDER BY seq`,
    [id],
  )) as Row[];
  const payments = (await em.query(
    `SELECT r.id, m.seq, r.amount_fen, r.paid_at FROM payment_requests r JOIN contract_milestones m ON m.id = r.milestone_id
      WHERE r.contract_id = ? AND r.status = 'PAID' ORDER BY r.paid_at, r.id`,
    [id],
  )) as Row[];
  const changes = (await em.query(
    `SELECT id, decided_at, reason, scope, amount_fen FROM contract_change_orders
      WHERE contract_id = ? AND status = 'APPROVED' ORDER BY decided_at, id`,
    [id],
  )) as Row[];
  const evaluations = (await em.query(
    `SELECT e.id, e.code, e.kind, e.total_score, e.grade, e.published_at, a.name AS agency_name
       FROM evaluation_tasks e LEFT JOIN organisations a ON a.id = e.agency_id
      WHERE e.contract_id = ? AND e.status = 'PUBLISHED' ORDER BY e.published_at, e.id`,
    [id],
  )) as Row[];
  const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return {
    id,
    code: String(c.code),
    tenderId: Number(c.tender_id),
    round: Number(c.evaluation_round),
    title: String(c.title),
    status: c.status as ContractStatusCode,
    amountFen: String(c.amount_fen),
    changesFen: String(c.changes_fen),
    termStart: dateText(c.term_start),
    termEnd: dateText(c.term_end),
    signedAt: c.signed_at as Date | null,
    publishedAt: c.published_at as Date | null,
    terminatedAt: c.terminated_at as Date | null,
    terminationKind: c.termination_kind as ContractFacts['terminationKind'],
    completedAt: c.completed_at as Date | null,
    supplier: orgs.get(Number(c.organisation_id)) as OrganisationFacts,
    milestones: milestones.map((m) => ({
      id: Number(m.id),
      seq: Number(m.seq),
      title: String(m.title),
      dueAt: m.due_at as Date,
      shareBp: Number(m.share_bp),
      status: m.status as ContractFacts['milestones'][number]['status'],
      overdue: m.overdue_at !== null,
      acceptedAt: m.accepted_at as Date | null,
      updatedAt: m.updated_at as Date,
    })),
    payments: payments.map((r) => ({
      id: Number(r.id),
      milestoneSeq: Number(r.seq),
      amountFen: String(r.amount_fen),
      paidAt: r.paid_at as Date,
    })),
    changeOrders: changes.map((r) => ({
      id: Number(r.id),
      decidedAt: r.decided_at as Date,
      reason: String(r.reason),
      scope: String(r.scope),
      amountFen: String(r.amount_fen),
    })),
    evaluations: evaluations.map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      kind: r.kind as 'FINAL' | 'MID_TERM',
      score: String(r.total_score),
      grade: String(r.grade),
      publishedAt: r.published_at as Date,
      agencyName: r.agency_name === null ? null : String(r.agency_name),
    })),
  };
}
