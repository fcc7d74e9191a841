import { randomUUID } from 'node:crypto';

import { splitBySharesBp } from '../../src/modules/contracts/domain/money-rules';
import { LedgerService } from '../../src/modules/funds';
import type { Actor } from '../../src/platform/access';
import { regionId, TestApp, userId } from '../support/test-app';
import { mealItemId } from './procurement.factory';

/**
 * Contracts for the change-order and termination tests, written directly (the contract helper's award → draft →
 * signing path is not needed here): a budget line of its own with exactly the money the test gives it, a project
 * (quantity 1, its estimate reserved), an AWARDED tender, the contract on the foundation's columns and its
 * milestones. A SIGNED/ACTIVE contract has its amount COMMITTED through the real LedgerService (allocate → reserve →
 * commit, the reservation above the amount released), with the ledger reference every contract posting carries:
 * `{ type: 'contract', id }`.
 */

export interface ContractFixture {
  contractId: number;
  projectId: number;
  tenderId: number;
  lineId: number;
  organisationId: number;
  amountFen: bigint;
  milestoneIds: number[];
}

export interface ContractOptions {
  /** The contract amount in fen (default 310,000.00 yuan). */
  amountFen?: bigint;
  /** The project's estimate, reserved on approval (default the amount + 1,000.00). */
  estimateFen?: bigint;
  /** Money allocated to the fresh budget line (default the estimate + 100,000.00). */
  lineFen?: bigint;
  status?: 'DRAFT' | 'SIGNED' | 'ACTIVE';
  /** Region of the project/contract (default 山西路社区, in 鼓楼区). */
  regionCode?: string;
  /** Supplier (default 南京市鼓楼区阳光养老服务中心, orgmember's organisation). */
  organisationId?: number;
  /** Needs the project serves (their residents get the timeline steps). */
  needIds?: number[];
  sharesBp?: number[];
}

let seq = 0;

async function regionPath(t: TestApp, code: string): Promise<{ id: number; path: string }> {
  const [r] = (await t.ds.query('SELECT id, path FROM regions WHERE code = ?', [code])) as Array<{
    id: number;
    path: string;
  }>;
  return r;
}

async function financeActor(t: TestApp): Promise<Actor> {
  const [u] = (await t.ds.query("SELECT id, region_id, region_path FROM users WHERE username = 'finance'")) as Array<{
    id: number;
    region_id: number;
    region_path: string;
  }>;
  return {
    userId: u.id,
    username: 'finance',
    roles: ['FINANCE_OFFICER'],
    regionId: u.region_id,
    regionPath: u.region_path,
    organisationId: null,
    sessionId: null,
    ip: '127.0.0.1',
  };
}

export async function sunshineId(t: TestApp): Promise<number> {
  const [o] = (await t.ds.query("SELECT id FROM organisations WHERE name = '南京市鼓楼区阳光养老服务中心'")) as Array<{
    id: number;
  }>;
  return o.id;
}

/** A fresh ACTIVE budget line of 鼓楼区 with `fen` allocated through the ledger. */
export async function freshLine(t: TestApp, fen: bigint, title = '补充合同测试资金'): Promise<number> {
  const gulou = await regionPath(t, '320106000000');
  const officer = await userId(t.ds, 'officer');
  const line = (await t.ds.query(
    `INSERT INTO budget_lines (year, region_id, region_path, source, restricted_category_code, title, status, requested_fen,
       available_fen, reserved_fen, committed_fen, paid_fen, year_closed, created_by, created_at, updated_at)
     VALUES (YEAR(UTC_TIMESTAMP()), ?, ?, 'DISTRICT_FINANCE', NULL, ?, 'ACTIVE', ?, 0, 0, 0, 0, 0, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [gulou.id, gulou.path, title, fen.toString(), officer],
  )) as { insertId: number };
  await t.app.get(LedgerService).post(await financeActor(t), {
    lineId: line.insertId,
    operation: 'ALLOCATE',
    amountFen: fen,
    idempotencyKey: `test-line-${line.insertId}-allocate`,
    memo: '测试拨付',
  });
  return line.insertId;
}

/** The line's four buckets in fen. */
export async function lineBalances(
  t: TestApp,
  lineId: number,
): Promise<{ available: bigint; reserved: bigint; committed: bigint; paid: bigint }> {
  const [l] = (await t.ds.query(
    'SELECT available_fen, reserved_fen, committed_fen, paid_fen FROM budget_lines WHERE id = ?',
    [lineId],
  )) as Array<Record<string, string>>;
  return {
    available: BigInt(l.available_fen),
    reserved: BigInt(l.reserved_fen),
    committed: BigInt(l.committed_fen),
    paid: BigInt(l.paid_fen),
  };
}

/** A contract with its project, tender, milestones and ledger state (see the file's comment). */
export async function contractFixture(t: TestApp, title: string, o: ContractOptions = {}): Promise<ContractFixture> {
  const ledger = t.app.get(LedgerService);
  const finance = await financeActor(t);
  const amountFen = o.amountFen ?? 31_000_000n;
  const estimateFen = o.estimateFen ?? amountFen + 100_000n;
  const lineId = await freshLine(t, o.lineFen ?? estimateFen + 10_000_000n, `${title}资金`);
  const status = o.status ?? 'ACTIVE';
  const region = await regionPath(t, o.regionCode ?? '320106002001');
  const organisationId = o.organisationId ?? (await sunshineId(t));
  const officer = await userId(t.ds, 'officer');
  const item = await mealItemId(t);
  const [cat] = (await t.ds.query(
    'SELECT c.code FROM catalogue_items i JOIN catalogue_categories c ON c.id = i.category_id WHERE i.id = ?',
    [item],
  )) as Array<{ code: string }>;
  const n = ++seq;
  const run = `${Date.now().toString(36)}${n}`;

  const project = (await t.ds.query(
    `INSERT INTO projects (region_id, region_path, title, catalogue_item_id, item_code, category_code, quantity, unit_price_fen,
       estimated_fen, budget_line_id, plan, status, reservation_entry_id, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'A0101', ?, 1, ?, ?, ?, '{}', ?, NULL, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      region.id,
      region.path,
      title,
      item,
      cat?.code ?? 'A01',
      estimateFen.toString(),
      estimateFen.toString(),
      lineId,
      status === 'DRAFT' ? 'AWARDED' : status === 'SIGNED' ? 'CONTRACTED' : 'IN_PROGRESS',
      officer,
    ],
  )) as { insertId: number };
  const projectId = project.insertId;
  for (const needId of o.needIds ?? [])
    await t.ds.query('INSERT INTO project_needs (project_id, need_id) VALUES (?, ?)', [projectId, needId]);
  const reserve = await ledger.post(finance, {
    lineId,
    operation: 'RESERVE',
    amountFen: estimateFen,
    idempotencyKey: `project-${projectId}-reserve`,
    categoryCode: 'A0101',
    reference: { type: 'project', id: String(projectId) },
  });
  await t.ds.query('UPDATE projects SET reservation_entry_id = ? WHERE id = ?', [reserve.entryId, projectId]);

  const winnerBidId = randomUUID();
  const tender = (await t.ds.query(
    `INSERT INTO tenders (project_id, region_path, title, description, method, status, scoring_method, price_weight_pct, criteria,
       max_price_fen, committee_size, published_at, bid_deadline, opened_at, evaluation_round, winner_bid_id, award_notice_at,
       awarded_at, created_by, created_at, updated_at)
     VALUES (?, ?, ?, '测试', 'OPEN_TENDER', 'AWARDED', 'COMPREHENSIVE', 30, '[]', ?, 5, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3),
       UTC_TIMESTAMP(3), 1, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [projectId, region.path, title, estimateFen.toString(), winnerBidId, officer],
  )) as { insertId: number };

  const signed = status !== 'DRAFT';
  const contract = (await t.ds.query(
    `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id, organisation_id,
       title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months, payment_days, bond_bp, bond_fen,
       award_notice_at, signature_due_at, purchaser_signed_by, purchaser_signed_at, supplier_signed_by, supplier_signed_at,
       frozen_content, content_sha256, signed_at, publication_due_at, published_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '{}', DATE(UTC_TIMESTAMP()), DATE(UTC_TIMESTAMP() + INTERVAL 300 DAY), 12, 30, 0, 0,
       UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?, ?, NULL, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      `HT-T${run}`.slice(0, 32),
      projectId,
      tender.insertId,
      winnerBidId,
      region.id,
      region.path,
      lineId,
      organisationId,
      title,
      status,
      amountFen.toString(),
      signed ? officer : null,
      signed ? new Date() : null,
      signed ? new Date() : null,
      signed ? '{}' : null,
      signed ? 'a'.repeat(64) : null,
      signed ? new Date() : null,
      signed ? new Date() : null,
      status === 'ACTIVE' ? new Date() : null,
    ],
  )) as { insertId: number };
  const contractId = contract.insertId;

  const shares = o.sharesBp ?? [3000, 4000, 3000];
  const split = splitBySharesBp(amountFen, shares);
  if (!split.ok) throw new Error(split.problem);
  const milestoneIds: number[] = [];
  for (let i = 0; i < shares.length; i++) {
    const m = (await t.ds.query(
      `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen, is_final,
         status, created_at, updated_at)
       VALUES (?, ?, ?, '测试', DATE(UTC_TIMESTAMP() + INTERVAL ? DAY), UTC_TIMESTAMP(3) + INTERVAL ? DAY, ?, ?, ?, 'PENDING',
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [
        contractId,
        i + 1,
        `第${i + 1}期`,
        (i + 1) * 90,
        (i + 1) * 90,
        shares[i],
        split.tranchesFen[i].toString(),
        i === shares.length - 1 ? 1 : 0,
      ],
    )) as { insertId: number };
    milestoneIds.push(m.insertId);
  }

  if (signed) {
    const commit = await ledger.post(finance, {
      lineId,
      operation: 'COMMIT',
      amountFen,
      idempotencyKey: `contract-${contractId}-commit`,
      categoryCode: 'A0101',
      reference: { type: 'contract', id: String(contractId) },
    });
    if (estimateFen > amountFen)
      await ledger.post(finance, {
        lineId,
        operation: 'RELEASE_RESERVATION',
        amountFen: estimateFen - amountFen,
        idempotencyKey: `contract-${contractId}-release-reservation`,
        reference: { type: 'contract', id: String(contractId) },
      });
    await t.ds.query('UPDATE contracts SET commitment_entry_id = ? WHERE id = ?', [commit.entryId, contractId]);
  }
  return {
    contractId,
    projectId,
    tenderId: tender.insertId,
    lineId,
    organisationId,
    amountFen,
    milestoneIds,
  };
}

/** Pays `fen` of a contract (a DISBURSE with the contract's reference), as the payments module will. */
export async function payPart(t: TestApp, f: ContractFixture, fen: bigint, key: string): Promise<void> {
  await t.app.get(LedgerService).post(await financeActor(t), {
    lineId: f.lineId,
    operation: 'DISBURSE',
    amountFen: fen,
    idempotencyKey: key,
    reference: { type: 'contract', id: String(f.contractId) },
  });
}

/** A staff user holding both the procurement-officer and finance-officer roles in 鼓楼区 (demo password). */
export async function dualRoleUser(t: TestApp, username: string): Promise<number> {
  await t.ds.query(
    `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, region_id, region_path,
       organisation_id, must_change_password, created_at, updated_at)
     SELECT ?, '双岗测试', NULL, password_hash, 'ACTIVE', 0, region_id, region_path, NULL, 0, created_at, updated_at
       FROM users WHERE username = 'officer'`,
    [username],
  );
  const id = await userId(t.ds, username);
  await t.ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'PROCUREMENT_OFFICER'), (?, 'FINANCE_OFFICER')", [
    id,
    id,
  ]);
  return id;
}

export { regionId };
